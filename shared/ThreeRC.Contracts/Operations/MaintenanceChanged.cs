namespace ThreeRC.Contracts.Operations;

/// <summary>An operator put a physical host or VM into maintenance, or took it out. ThreeRC leaves what is in maintenance alone.</summary>
/// <param name="Target">Host or VM.</param>
/// <param name="Name">Its inventory name.</param>
/// <param name="InMaintenance">True when maintenance begins.</param>
/// <param name="Reason">The operator's reason.</param>
/// <param name="ChangedBy">Who asked.</param>
/// <param name="ChangedAt">When.</param>
public record MaintenanceChanged(
    MaintenanceTarget Target,
    string Name,
    bool InMaintenance,
    string Reason,
    string ChangedBy,
    DateTimeOffset ChangedAt);
