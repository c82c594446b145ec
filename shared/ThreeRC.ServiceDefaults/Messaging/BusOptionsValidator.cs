using Microsoft.Extensions.Options;

namespace ThreeRC.ServiceDefaults.Messaging;

internal sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Transport)) errors.Add($"Bus:Transport: '{options.Transport}' is not InMemory or RabbitMq");
        if (options.Transport == BusTransport.RabbitMq)
        {
            var rabbit = options.RabbitMq;
            if (string.IsNullOrWhiteSpace(rabbit.Host)) errors.Add("Bus:RabbitMq:Host: required");
            if (rabbit.Port == 0) errors.Add("Bus:RabbitMq:Port: must be a port number");
            if (string.IsNullOrWhiteSpace(rabbit.Username)) errors.Add("Bus:RabbitMq:Username: required (there is no default user)");
            if (string.IsNullOrWhiteSpace(rabbit.Password)) errors.Add("Bus:RabbitMq:Password: required (there is no default password)");
            if (rabbit.Username == "guest" && rabbit.Password == "guest") errors.Add("Bus:RabbitMq: guest/guest is refused; create a user of your own");
        }

        if (options.RetryLimit is < 0 or > 100) errors.Add("Bus:RetryLimit: must be between 0 and 100");
        if (options.RetryMinInterval <= TimeSpan.Zero || options.RetryMaxInterval < options.RetryMinInterval)
            errors.Add("Bus:RetryMinInterval/RetryMaxInterval: need 0 < min <= max");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
