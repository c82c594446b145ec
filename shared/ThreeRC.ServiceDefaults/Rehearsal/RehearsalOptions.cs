namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>The <c>Rehearsal</c> configuration section.</summary>
public sealed class RehearsalOptions
{
    public const string SectionName = "Rehearsal";

    /// <summary>Rehearse every module's part of a recovery at start; off, the first incident pays for compiling it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one module's rehearsal may take before the service starts without finishing it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
