using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>Injects the controller's own faults one after the other, while the guest and host faults run, until told to stop.</summary>
internal sealed class ControllerFaultInjector(ProtectedDataCentre stack, TextWriter output)
{
    public int Injected { get; private set; }

    public async Task RunAsync(IReadOnlyList<ControllerFault> plan, CancellationToken stop)
    {
        foreach (var fault in plan)
        {
            try
            {
                await Task.Delay(fault.After, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var started = DateTimeOffset.UtcNow;
            if (fault.IsBroker)
            {
                await stack.Broker.RestartAsync();
            }
            else
            {
                await stack.Services.KillAsync(fault.Target);
                await stack.Services.RestartAsync(fault.Target);
            }

            Injected++;
            await output.WriteLineAsync($"!{fault.Number,-3} {(fault.IsBroker ? "broker restart" : "kill -9"),-14} {fault.Target}: " +
                $"{(fault.IsBroker ? "back" : "started again and healthy")} after {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s");
        }
    }
}
