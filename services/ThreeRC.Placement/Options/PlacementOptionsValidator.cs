using Microsoft.Extensions.Options;

namespace ThreeRC.Placement.Options;

/// <summary>Stops the service at start when a <c>Placement</c> key is out of range, naming the key and its value.</summary>
internal sealed class PlacementOptionsValidator : IValidateOptions<PlacementOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacementOptions options)
    {
        var errors = new List<string>();
        if (!double.IsFinite(options.ExpectedLoadPerVm) || options.ExpectedLoadPerVm < 0)
            errors.Add($"Placement:ExpectedLoadPerVm: must be a number of 0 or more (was {options.ExpectedLoadPerVm})");
        if (options.LoadSettleTime < TimeSpan.Zero)
            errors.Add($"Placement:LoadSettleTime: must not be negative (was {options.LoadSettleTime})");
        if (options.ReservationLifetime <= TimeSpan.Zero)
            errors.Add($"Placement:ReservationLifetime: must be positive (was {options.ReservationLifetime})");
        if (options.SweepInterval <= TimeSpan.Zero)
            errors.Add($"Placement:SweepInterval: must be positive (was {options.SweepInterval})");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
