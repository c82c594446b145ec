using ThreeRC.Api.Grpc;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.ReadModel;

/// <summary>The fencing alerts of open incidents that no operator has acknowledged since they were raised.</summary>
public sealed class FencingAlerts(TimelineStore timeline, OperatorActionStore actions)
{
    public const string AcknowledgeAction = "fencing-alert-ack";

    public async Task<IReadOnlyList<RaisedAlert>> UnacknowledgedAsync(CancellationToken cancellationToken)
    {
        var unacknowledged = new List<RaisedAlert>();
        foreach (var alert in await timeline.LatestInOpenIncidentsAsync(nameof(FencingAlert), cancellationToken))
            if (!await IsAcknowledgedAsync(alert, cancellationToken)) unacknowledged.Add(alert);
        return unacknowledged;
    }

    private async Task<bool> IsAcknowledgedAsync(RaisedAlert alert, CancellationToken cancellationToken) =>
        await actions.LatestAsync(OperatorTargets.Recovery(alert.RecoveryId), 1, cancellationToken) is [var last] && last.RequestedAt >= alert.RaisedAt;
}
