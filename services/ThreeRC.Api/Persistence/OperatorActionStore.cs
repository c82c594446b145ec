namespace ThreeRC.Api.Persistence;

/// <summary>The operator actions the Api carried out.</summary>
public sealed class OperatorActionStore(ApiDatabase database)
{
    public async Task<OperatorActionRecord> AddAsync(OperatorActionRecord action, CancellationToken cancellationToken)
    {
        var ids = await database.QueryAsync<long>(
            """
            INSERT INTO operator_actions (requested_by, action, target, detail, requested_at)
            VALUES (@RequestedBy, @Action, @Target, @Detail, @at) RETURNING id
            """,
            new { action.RequestedBy, action.Action, action.Target, action.Detail, at = action.RequestedAt.ToUniversalTime() },
            cancellationToken);
        return action with { Id = ids.Single() };
    }

    /// <summary>The latest actions on a target, newest first.</summary>
    public Task<IReadOnlyList<OperatorActionRecord>> LatestAsync(string target, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync<OperatorActionRecord>(
            """
            SELECT id AS Id, requested_by AS RequestedBy, action AS Action, target AS Target, detail AS Detail, requested_at AS RequestedAt
            FROM operator_actions WHERE target = @target ORDER BY id DESC LIMIT @limit
            """,
            new { target, limit },
            cancellationToken);
}
