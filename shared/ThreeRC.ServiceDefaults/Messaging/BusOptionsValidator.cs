using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ThreeRC.ServiceDefaults.Messaging;

internal sealed partial class BusOptionsValidator : IValidateOptions<BusOptions>
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
            if (!Enum.IsDefined(rabbit.QueueType)) errors.Add($"Bus:RabbitMq:QueueType: '{rabbit.QueueType}' is not Classic or Quorum");
            for (var i = 0; i < rabbit.Nodes.Count; i++)
                if (!string.IsNullOrWhiteSpace(rabbit.Nodes[i]) && !NodeAddress().IsMatch(rabbit.Nodes[i])) errors.Add($"Bus:RabbitMq:Nodes:{i}: '{rabbit.Nodes[i]}' is not host or host:port");
        }

        if (options.InstanceName is { Length: > 0 } instance && !InstanceName().IsMatch(instance))
            errors.Add($"Bus:InstanceName: '{instance}' must be 1 to 40 lower-case letters, digits and dashes, as in mgmt1");
        if (options.RetryLimit is < 0 or > 100) errors.Add("Bus:RetryLimit: must be between 0 and 100");
        if (options.RetryMinInterval <= TimeSpan.Zero || options.RetryMaxInterval < options.RetryMinInterval)
            errors.Add("Bus:RetryMinInterval/RetryMaxInterval: need 0 < min <= max");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex InstanceName();

    [GeneratedRegex("^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")]
    private static partial Regex NodeAddress();
}
