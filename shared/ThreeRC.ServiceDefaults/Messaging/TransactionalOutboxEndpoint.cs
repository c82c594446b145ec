namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>
/// An endpoint whose consumer writes what it publishes in its own database transaction and publishes it after the
/// commit (the saga repository's outbox): the in-memory outbox, which would hold those publishes back, is left off it.
/// </summary>
public sealed record TransactionalOutboxEndpoint(string Queue);

/// <summary>An endpoint one instance of the service consumes at a time, when <c>Bus:RabbitMq:SingleActiveConsumers</c> is on.</summary>
public sealed record SingleActiveConsumerEndpoint(string Queue);
