using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.V1;

namespace ThreeRC.Testing.Stack;

/// <summary>Follows a VM's incident through the Api, as an operator would.</summary>
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
                var listed = await recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { VmName = vm, StartedAfter = openedAfter.ToTimestamp() });
                first = listed.Recoveries.MinBy(recovery => recovery.StartedAt.ToDateTimeOffset());
                return first?.State is RecoveryState.Recovered or RecoveryState.Failed or RecoveryState.Cancelled;
            }, timeout, $"{vm}'s incident ended");
        }
        catch (TimeoutException late)
        {
            throw new TimeoutException($"{late.Message}\nlast seen: {first}\n{context?.Invoke()}", late);
        }

        return await recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = first!.Id });
    }
}
