namespace ThreeRC.Contracts.Recovery;

/// <summary>An operator lifted the mass-failure brake: the incidents it held go on.</summary>
/// <param name="Reason">The operator's reason.</param>
/// <param name="ResumedBy">Who lifted it.</param>
/// <param name="ResumedAt">When.</param>
public record FencingResumed(string Reason, string ResumedBy, DateTimeOffset ResumedAt);
