namespace ThreeRC.Testing.Stack;

/// <summary>Machines for the services to protect, emulated or real, that tell the services how to reach them and stop what they started.</summary>
public interface IDataCentre : IAsyncDisposable
{
    /// <summary>The settings every ThreeRC service needs to reach the machines (inventory, Ganglia, SSH key, pinned host keys), as environment variables.</summary>
    IReadOnlyDictionary<string, string?> ServiceEnvironment { get; }
}
