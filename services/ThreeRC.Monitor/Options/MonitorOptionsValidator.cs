using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Ganglia;

namespace ThreeRC.Monitor.Options;

internal sealed class MonitorOptionsValidator : IValidateOptions<MonitorOptions>
{
    private const int MinDocumentBytes = 1024;
    private const int MaxDocumentBytes = 1024 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, MonitorOptions options)
    {
        var errors = new List<string>();
        if (options.Sources.Count == 0)
            errors.Add("Monitor:Sources: list at least one Ganglia source as host:port (gmond 8649 or gmetad 8651)");
        for (var i = 0; i < options.Sources.Count; i++)
            if (!GangliaSource.TryParse(options.Sources[i], out _, out var error)) errors.Add($"Monitor:Sources:{i}: {error}");
        foreach (var duplicate in options.Sources.GroupBy(source => source, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
            errors.Add($"Monitor:Sources: '{duplicate.Key}' is listed {duplicate.Count()} times");

        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromHours(1))
            errors.Add($"Monitor:PollInterval: {options.PollInterval} is not between 100 ms and 1 h");
        if (options.ConnectTimeout <= TimeSpan.Zero) errors.Add("Monitor:ConnectTimeout: must be positive");
        if (options.ReadTimeout <= TimeSpan.Zero) errors.Add("Monitor:ReadTimeout: must be positive");
        if (options.MaxDocumentBytes is < MinDocumentBytes or > MaxDocumentBytes)
            errors.Add($"Monitor:MaxDocumentBytes: {options.MaxDocumentBytes} is not between {MinDocumentBytes} and {MaxDocumentBytes}");
        var push = options.Push;
        if (push.Port is < 1 or > 65535) errors.Add($"Monitor:Push:Port: {push.Port} is not a UDP port");
        if (!System.Net.IPAddress.TryParse(push.Bind, out _)) errors.Add($"Monitor:Push:Bind: '{push.Bind}' is not an IP address");
        if (push.Grace < TimeSpan.Zero || push.Grace > TimeSpan.FromMinutes(1)) errors.Add($"Monitor:Push:Grace: {push.Grace} is not between 0 and 1 min");
        if (push.JudgeInterval < TimeSpan.FromMilliseconds(50) || push.JudgeInterval > TimeSpan.FromSeconds(10))
            errors.Add($"Monitor:Push:JudgeInterval: {push.JudgeInterval} is not between 50 ms and 10 s");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
