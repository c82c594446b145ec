namespace ThreeRC.Api.Persistence;

/// <summary>Where a page of incidents (newest first) ended: the next page starts after this one.</summary>
public sealed record RecoveryCursor(DateTimeOffset StartedAt, Guid Id);
