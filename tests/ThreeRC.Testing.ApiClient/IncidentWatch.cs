using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ThreeRC.Api.V1;

namespace ThreeRC.Testing.Stack;

/// <summary>Follows a VM's incident through the Api, as an operator would; an Api restarting meanwhile is waited for.</summary>
public static class IncidentWatch
{
    /// <summary>
    /// The VM's first incident opened after <paramref name="openedAfter"/>, with its timeline, once it has ended
    /// (recovered, failed or cancelled). Throws <see cref="TimeoutException"/> with the last state seen and
    /// <paramref name="context"/> when none ends in time.
    /// </summary>
    public static async Task<Recovery> EndedAsync(
        this Recoveries.RecoveriesClient recoveries, string vm, DateTimeOffset openedAfter, TimeSpan timeout, Func<string>? context = null)
    {
        Recovery? first = null;
        try
        {
            await Eventually.Until(async () =>
            {
                var listed = await recoveries.IncidentsAsync(vm, openedAfter);
                first = listed?.MinBy(recovery => recovery.StartedAt.ToDateTimeOffset()) ?? first;
                return listed is not null && first?.State is RecoveryState.Recovered or RecoveryState.Failed or RecoveryState.Cancelled;
            }, timeout, $"{vm}'s incident ended");
            var ended = await Eventually.Until(() => Answer(() => recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = first!.Id }).ResponseAsync),
                recovery => recovery is not null, timeout, $"{vm}'s incident {first!.Id} read back");
            return ended!;
        }
        catch (TimeoutException late)
        {
            throw new TimeoutException($"{late.Message}\nlast seen: {first}\n{context?.Invoke()}", late);
        }
    }

    /// <summary>The VM's incidents opened after <paramref name="openedAfter"/>; null while the Api does not answer.</summary>
    public static async Task<IReadOnlyList<Recovery>?> IncidentsAsync(this Recoveries.RecoveriesClient recoveries, string vm, DateTimeOffset openedAfter) =>
        (await Answer(() => recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { VmName = vm, StartedAfter = openedAfter.ToTimestamp() }).ResponseAsync))
        ?.Recoveries;

    private static async Task<T?> Answer<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
        {
            return null;
        }
    }
}
