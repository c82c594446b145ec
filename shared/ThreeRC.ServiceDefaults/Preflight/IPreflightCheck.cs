using ThreeRC.Contracts.Operations;

namespace ThreeRC.ServiceDefaults.Preflight;

/// <summary>Something a module's work needs, checked when an operator asks (<c>threerc doctor</c>), never on its own.</summary>
public interface IPreflightCheck
{
    /// <summary>The module whose work needs it: one of <see cref="PreflightModules"/>.</summary>
    string Module { get; }

    /// <summary>What the check is called in its findings, and in the one that says it could not finish.</summary>
    string Name { get; }

    Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken);
}
