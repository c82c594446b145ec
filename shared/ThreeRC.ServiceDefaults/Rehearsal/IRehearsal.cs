namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>
/// A module's part of a recovery, played once on a private stage before the service joins the real bus, so that
/// the code of the first real incident is already compiled when it comes.
/// </summary>
public interface IRehearsal
{
    /// <summary>Plays the part: publishes what the module consumes and waits for what it answers.</summary>
    Task PlayAsync(RehearsalStage stage, CancellationToken cancellationToken);
}
