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
}
