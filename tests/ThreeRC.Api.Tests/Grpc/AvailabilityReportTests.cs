using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Tests.Grpc;

/// <summary>
/// A hand-computed ten-hour window W = [2026-03-01 00:00Z, 10:00Z), the Api's clock at 2026-03-10 12:00Z.
/// gridce: A last heard 01:00, detected 01:02, recovered 01:10: 10 min (times to recover count from the last
/// heartbeat); B (last heard unknown) 03:00-03:30 recovered in 30 min; C down from 23:40 the day before until 00:20,
/// recovered in 40 min (20 min of it in W); D down from 05:00, given up at 05:45, reporting again at 06:00 (a failed
/// incident's downtime runs until then); E down since 09:30 and still open (30 min in W); two incidents outside W.
/// gridse: one cancelled incident, down 02:00-02:11. web01: none.
/// </summary>
public sealed class AvailabilityReportScenario : IAsyncLifetime
{
    public static readonly DateTimeOffset W = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await ApiHost.StartAsync(time: Clock);
        await Incident("gridce", RecoveryOutcome.Recovered, W.AddHours(1), W.AddHours(1).AddMinutes(2), W.AddHours(1).AddMinutes(10));
        await Incident("gridce", RecoveryOutcome.Recovered, null, W.AddHours(3), W.AddHours(3).AddMinutes(30));
        await Incident("gridce", RecoveryOutcome.Recovered, W.AddMinutes(-20), W.AddMinutes(-15), W.AddMinutes(20));
        await Incident("gridce", RecoveryOutcome.Failed, W.AddHours(5), W.AddHours(5).AddMinutes(5), W.AddHours(5).AddMinutes(45));
        await Api.DrainAsync();
        await Api.PublishAsync(Sample.Up("gridce", HostKind.Virtual, W.AddHours(6).AddSeconds(5)));
        await Api.PublishAsync(Sample.Started(Guid.NewGuid(), "gridce", W.AddHours(9).AddMinutes(32), lastHeardAt: W.AddHours(9).AddMinutes(30)));
        await Incident("gridce", RecoveryOutcome.Recovered, W.AddHours(-3), W.AddHours(-3).AddMinutes(5), W.AddHours(-2));
        await Incident("gridce", RecoveryOutcome.Recovered, W.AddHours(12), W.AddHours(12).AddMinutes(5), W.AddHours(12).AddMinutes(20));
        await Incident("gridse", RecoveryOutcome.Cancelled, W.AddHours(2), W.AddHours(2).AddMinutes(1), W.AddHours(2).AddMinutes(11));
        await Api.DrainAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private async Task Incident(string vm, RecoveryOutcome outcome, DateTimeOffset? lastHeard, DateTimeOffset start, DateTimeOffset end)
    {
        var id = Guid.NewGuid();
        await Api.PublishAsync(Sample.Started(id, vm, start, lastHeard));
        await Api.PublishAsync(Sample.Completed(id, vm, outcome, lastHeard, start, end));
    }
}

public sealed class AvailabilityReportTests(AvailabilityReportScenario scenario) : IClassFixture<AvailabilityReportScenario>
{
    private static readonly DateTimeOffset W = AvailabilityReportScenario.W;
    private readonly ApiHost _api = scenario.Api;

    [Fact]
    public async Task The_figures_of_each_VM_match_the_hand_computed_scenario()
    {
        var report = await _api.Reports.GetAvailabilityReportAsync(new AvailabilityReportRequest
        {
            WindowStart = W.ToTimestamp(),
            WindowEnd = W.AddHours(10).ToTimestamp(),
            VmNames = { "gridce", "gridse", "web01" },
        });

        var gridce = report.Vms.Single(vm => vm.VmName == "gridce");
        Assert.Equal((5, 3, 1, 0, 1), (gridce.Incidents, gridce.Recovered, gridce.Failed, gridce.Cancelled, gridce.Open));
        Assert.Equal(TimeSpan.FromMinutes(10 + 30 + 20 + 60 + 30), gridce.Downtime.ToTimeSpan());
        Assert.Equal(TimeSpan.FromMinutes(30), gridce.MedianTimeToRecover.ToTimeSpan());
        Assert.Equal(TimeSpan.FromMinutes(40), gridce.WorstTimeToRecover.ToTimeSpan());
        Assert.Equal(75.0, gridce.AvailabilityPercent, precision: 9);

        var gridse = report.Vms.Single(vm => vm.VmName == "gridse");
        Assert.Equal((1, 0, 1), (gridse.Incidents, gridse.Recovered, gridse.Cancelled));
        Assert.Equal(TimeSpan.FromMinutes(11), gridse.Downtime.ToTimeSpan());
        Assert.Null(gridse.MedianTimeToRecover);
        Assert.Null(gridse.WorstTimeToRecover);
        Assert.Equal(100.0 * (600 - 11) / 600, gridse.AvailabilityPercent, precision: 9);

        var web01 = report.Vms.Single(vm => vm.VmName == "web01");
        Assert.Equal((0, TimeSpan.Zero, 100.0), (web01.Incidents, web01.Downtime.ToTimeSpan(), web01.AvailabilityPercent));
    }

    [Fact]
    public async Task Without_a_list_of_VMs_every_VM_of_the_inventory_is_reported()
    {
        var report = await _api.Reports.GetAvailabilityReportAsync(new AvailabilityReportRequest { WindowStart = W.ToTimestamp() });

        Assert.Equal(TestInventory.Vms.Select(vm => vm.Name), report.Vms.Select(vm => vm.VmName));
    }

    [Fact]
    public async Task An_open_incident_counts_until_now_and_a_window_that_ends_later_is_clipped_to_now()
    {
        var now = scenario.Clock.GetUtcNow();
        var id = Guid.NewGuid();
        await _api.PublishAsync(Sample.Started(id, "db01", now.AddMinutes(-60), lastHeardAt: now.AddMinutes(-65)));
        await _api.DrainAsync();

        var report = await _api.Reports.GetAvailabilityReportAsync(new AvailabilityReportRequest
        {
            WindowStart = now.AddHours(-2).ToTimestamp(),
            WindowEnd = now.AddHours(5).ToTimestamp(),
            VmNames = { "db01" },
        });

        Assert.Equal(now, report.WindowEnd.ToDateTimeOffset());
        Assert.Equal(TimeSpan.FromMinutes(65), report.Vms.Single().Downtime.ToTimeSpan());
        Assert.Equal(100.0 * (120 - 65) / 120, report.Vms.Single().AvailabilityPercent, precision: 9);
    }

    [Fact]
    public async Task A_failed_incident_counts_until_its_VM_reports_again_and_only_a_report_after_it_ends_it()
    {
        var now = scenario.Clock.GetUtcNow();
        var id = Guid.NewGuid();
        await _api.PublishAsync(Sample.Started(id, "db02", now.AddMinutes(-100), lastHeardAt: now.AddMinutes(-110)));
        await _api.PublishAsync(Sample.Completed(id, "db02", RecoveryOutcome.Failed, now.AddMinutes(-110), now.AddMinutes(-100), now.AddMinutes(-80)));
        await _api.DrainAsync();
        await _api.PublishAsync(Sample.Up("db02", HostKind.Virtual, now.AddMinutes(-90)));
        await _api.DrainAsync();
        var request = new AvailabilityReportRequest { WindowStart = now.AddHours(-2).ToTimestamp(), VmNames = { "db02" } };

        Assert.Equal(TimeSpan.FromMinutes(110), (await _api.Reports.GetAvailabilityReportAsync(request)).Vms.Single().Downtime.ToTimeSpan());

        await _api.PublishAsync(Sample.Up("db02", HostKind.Virtual, now.AddMinutes(-30).AddSeconds(5)));
        await _api.DrainAsync();

        Assert.Equal(TimeSpan.FromMinutes(80), (await _api.Reports.GetAvailabilityReportAsync(request)).Vms.Single().Downtime.ToTimeSpan());
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_InvalidArgument()
    {
        var error = await Refused(new AvailabilityReportRequest { WindowStart = W.AddHours(2).ToTimestamp(), WindowEnd = W.ToTimestamp() });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("window_start", error.Status.Detail);
    }

    [Fact]
    public async Task A_window_without_a_start_is_InvalidArgument()
    {
        var error = await Refused(new AvailabilityReportRequest());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("window_start: required", error.Status.Detail);
    }

    [Fact]
    public async Task A_report_on_an_unknown_VM_is_NotFound()
    {
        var error = await Refused(new AvailabilityReportRequest { WindowStart = W.ToTimestamp(), VmNames = { "ghost" } });

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private Task<RpcException> Refused(AvailabilityReportRequest request) =>
        Assert.ThrowsAsync<RpcException>(() => _api.Reports.GetAvailabilityReportAsync(request).ResponseAsync);
}
