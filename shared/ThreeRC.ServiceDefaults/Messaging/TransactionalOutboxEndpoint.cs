namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>
/// An endpoint whose consumer writes what it publishes in its own database transaction and publishes it after the
/// commit (the saga repository's outbox): the in-memory outbox, which would hold those publishes back, is left off it.
/// </summary>
public sealed record TransactionalOutboxEndpoint(string Queue);
