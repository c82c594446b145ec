namespace ThreeRC.Contracts.Operations;

/// <summary>
/// Asks every ThreeRC process to check now what its work will need (<c>threerc doctor</c>): each answers with
/// <see cref="PreflightAnswered"/>.
/// </summary>
public record RunPreflight(Guid PreflightId, DateTimeOffset RequestedAt);
