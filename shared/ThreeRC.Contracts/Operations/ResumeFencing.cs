namespace ThreeRC.Contracts.Operations;

/// <summary>An operator lifts the mass-failure brake (see <c>FencingHalted</c>), having checked that the silent hosts are really down.</summary>
/// <param name="Reason">The operator's reason.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When.</param>
public record ResumeFencing(string Reason, string RequestedBy, DateTimeOffset RequestedAt);
