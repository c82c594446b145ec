namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>What <see cref="TransportRehearsal"/> sends to the service's own bus endpoint through the broker.</summary>
/// <param name="SentAt">When it was sent.</param>
public sealed record RehearsalEcho(DateTimeOffset SentAt);
