using Microsoft.Extensions.Options;
using ThreeRC.Api.Authentication;

namespace ThreeRC.Api.Options;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var errors = new List<string>();
        var (key, problem) = OperatorKey.Read(options);
        if (problem is not null) errors.Add(problem);
        else if (options.RequireKeyForReads && key is null)
            errors.Add("Api:RequireKeyForReads: true needs a key (Api:ApiKey or Api:ApiKeyFile); without one nothing could be read");
        if (options.GrpcPort is < 1 or > 65535) errors.Add($"Api:GrpcPort: {options.GrpcPort} is not a port number");
        if (options.PlacementTimeout <= TimeSpan.Zero || options.PlacementTimeout > TimeSpan.FromMinutes(1))
            errors.Add($"Api:PlacementTimeout: {options.PlacementTimeout} must be more than 0 and at most 1 minute");
        if (options.WatchBufferSize is < 10 or > 1_000_000)
            errors.Add($"Api:WatchBufferSize: {options.WatchBufferSize} must be between 10 and 1000000");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
