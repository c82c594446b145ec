namespace ThreeRC.Persistence.Sagas;

/// <summary>A write a saga's store leaves to the transaction of the session's next write (see <see cref="SagaSession{TSaga}.Enlist"/>).</summary>
public sealed record SagaStatement(string Sql, object? Parameters);
