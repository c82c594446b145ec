using ThreeRC.Testing.DataCentre;

namespace ThreeRC.Testing.Stack;

/// <summary>The real stack protecting an emulated data centre.</summary>
public sealed class ProtectedDataCentre : ProtectedStack<EmulatedDataCentre>
{
    private ProtectedDataCentre()
    {
    }

    /// <summary>
    /// Starts it all: <paramref name="layout"/> is host name → the names of the VMs it runs; <paramref name="settings"/>
    /// are more settings for every service, as environment variables.
    /// </summary>
    public static Task<ProtectedDataCentre> StartAsync(IReadOnlyDictionary<string, string[]> layout, DataCentreTimers timers, TimeSpan? flapWindow = null,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(new ProtectedDataCentre(), () => EmulatedDataCentre.StartAsync(layout, timers), flapWindow, settings);

    /// <summary>What the machines did, and what each service logged about <paramref name="vm"/>: a failure explains itself.</summary>
    public string Story(string vm) => "machines:\n" + string.Join('\n', DataCentre.Notes) + string.Concat(Services.Processes.Select(service =>
        $"\n{service} about {vm}:\n" + string.Join('\n', Services.Output(service).Split('\n').Where(line => line.Contains(vm, StringComparison.Ordinal)).TakeLast(40))));
}
