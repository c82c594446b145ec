using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ThreeRC.Api.Grpc.Mapping;
using ThreeRC.Api.Persistence;
using ThreeRC.Api.Reports;
using ThreeRC.Api.V1;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Api.Grpc;

public sealed class ReportsService(ClusterInventory inventory, RecoveryQueries recoveries, TimeProvider time) : V1.Reports.ReportsBase
{
    public override async Task<AvailabilityReport> GetAvailabilityReport(AvailabilityReportRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var start = Require.Time(request.WindowStart, "window_start") ?? throw Require.Invalid("window_start: required");
        var requestedEnd = Require.Time(request.WindowEnd, "window_end") ?? now;
        var end = requestedEnd > now ? now : requestedEnd;
        Require.Ordered(start, end, "window_start", "window_end (clipped to now)");
        var vms = request.VmNames.Count == 0
            ? inventory.Vms.Select(vm => vm.Name).ToList()
            : request.VmNames.Select(name => Require.Vm(inventory, name, "vm_names").Name).Distinct().ToList();

        var incidents = (await recoveries.OverlappingAsync(start, end, context.CancellationToken)).ToLookup(incident => incident.VmName);
        return new AvailabilityReport
        {
            WindowStart = start.ToTimestamp(),
            WindowEnd = end.ToTimestamp(),
            Vms = { vms.Select(vm => AvailabilityCalculator.Compute(vm, incidents[vm], start, end, now)).Select(ToProto) },
        };
    }

    private static VmAvailability ToProto(VmAvailabilityFigures figures) => new()
    {
        VmName = figures.VmName,
        Incidents = figures.Incidents,
        Recovered = figures.Recovered,
        Failed = figures.Failed,
        Cancelled = figures.Cancelled,
        Open = figures.Open,
        Downtime = Duration.FromTimeSpan(figures.Downtime),
        MedianTimeToRecover = figures.MedianTimeToRecover is { } median ? Duration.FromTimeSpan(median) : null,
        WorstTimeToRecover = figures.WorstTimeToRecover is { } worst ? Duration.FromTimeSpan(worst) : null,
        AvailabilityPercent = figures.AvailabilityPercent,
    };
}
