using System.Diagnostics;
using Microsoft.Extensions.Options;
using ThreeRC.Orchestrator.Options;
using ThreeRC.Persistence;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// The fault <c>Orchestrator:FaultInjection</c> asks for: SIGKILL of this process right after a state was committed and
/// before its messages left, once (a marker file in the data folder remembers it across the restart that follows).
/// </summary>
public sealed class SelfKill(IOptions<OrchestratorOptions> options, IOptions<StorageOptions> storage, ILogger<SelfKill> logger)
{
    public Task IfAskedAsync(IReadOnlyList<object> messages)
    {
        var fault = options.Value.FaultInjection;
        if (string.IsNullOrEmpty(fault.KillBeforePublishing) || !messages.Any(message => Matches(message, fault))) return Task.CompletedTask;
        var marker = Path.Combine(storage.Value.DataDirectory, "fault-injection-killed");
        if (File.Exists(marker)) return Task.CompletedTask;
        File.WriteAllText(marker, $"{fault.KillBeforePublishing} about {fault.Vm}");
        logger.LogCritical("Fault injection: SIGKILL after the commit of a {Message} about {Vm}, before it is published", fault.KillBeforePublishing, fault.Vm);
        // The log is written in the background, and SIGKILL leaves no time for it: the line goes to stderr as well.
        Console.Error.WriteLine($"Fault injection: SIGKILL after the commit of a {fault.KillBeforePublishing} about {fault.Vm}, before it is published");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
        return Task.Delay(Timeout.Infinite);
    }

    private static bool Matches(object message, FaultInjectionOptions fault) =>
        message.GetType().Name == fault.KillBeforePublishing && message.GetType().GetProperty("VmName")?.GetValue(message) as string == fault.Vm;
}
