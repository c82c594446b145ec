namespace ThreeRC.Api.Persistence;

/// <summary>Which incidents a listing returns. <see cref="State"/> is "Open" or an outcome name; null for all.</summary>
public sealed record RecoveryFilter(string? VmName, string? State, DateTimeOffset? StartedAfter, DateTimeOffset? StartedBefore);
