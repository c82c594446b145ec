using ThreeRC.Api.Persistence;
using ThreeRC.Api.Reports;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Tests.Reports;

public sealed class AvailabilityCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(4);

    [Fact]
    public void Overlapping_incidents_count_their_downtime_once()
    {
        RecoveryRecord[] incidents =
        [
            Incident(Start.AddMinutes(10), Start.AddMinutes(40), RecoveryOutcome.Recovered),
            Incident(Start.AddMinutes(30), Start.AddMinutes(50), RecoveryOutcome.Recovered),
            Incident(Start.AddMinutes(45), Start.AddMinutes(46), RecoveryOutcome.Recovered),
        ];

        var figures = AvailabilityCalculator.Compute("vm", incidents, Start, End, now: End.AddDays(1));

        Assert.Equal(TimeSpan.FromMinutes(40), figures.Downtime);
        Assert.Equal(3, figures.Incidents);
        Assert.Equal(TimeSpan.FromMinutes(20), figures.MedianTimeToRecover); // 30, 20 and 1 min from each last heartbeat
    }

    [Fact]
    public void The_median_of_an_even_number_of_recoveries_is_the_mean_of_the_middle_two()
    {
        RecoveryRecord[] incidents =
        [
            Incident(Start.AddMinutes(10), Start.AddMinutes(12), RecoveryOutcome.Recovered),
            Incident(Start.AddMinutes(60), Start.AddMinutes(64), RecoveryOutcome.Recovered),
            Incident(Start.AddMinutes(90), Start.AddMinutes(100), RecoveryOutcome.Recovered),
            Incident(Start.AddMinutes(120), Start.AddMinutes(150), RecoveryOutcome.Recovered),
        ];

        var figures = AvailabilityCalculator.Compute("vm", incidents, Start, End, now: End);

        Assert.Equal(TimeSpan.FromMinutes(7), figures.MedianTimeToRecover);
        Assert.Equal(TimeSpan.FromMinutes(30), figures.WorstTimeToRecover);
    }

    [Fact]
    public void An_open_incident_is_down_until_now_when_now_falls_inside_the_window()
    {
        var now = Start.AddHours(3);
        RecoveryRecord[] incidents = [Incident(Start.AddHours(2), completed: null, outcome: null)];

        var figures = AvailabilityCalculator.Compute("vm", incidents, Start, now, now);

        Assert.Equal(TimeSpan.FromHours(1), figures.Downtime);
        Assert.Equal(1, figures.Open);
        Assert.Equal(100.0 * 2 / 3, figures.AvailabilityPercent, precision: 9);
    }

    [Fact]
    public void Incidents_of_other_VMs_and_outside_the_window_do_not_count()
    {
        RecoveryRecord[] incidents =
        [
            Incident(Start.AddHours(-2), Start.AddHours(-1), RecoveryOutcome.Recovered),
            Incident(End, End.AddHours(1), RecoveryOutcome.Recovered),
            Incident(Start.AddHours(1), Start.AddHours(2), RecoveryOutcome.Recovered) with { VmName = "other" },
        ];

        var figures = AvailabilityCalculator.Compute("vm", incidents, Start, End, now: End.AddDays(1));

        Assert.Equal((0, TimeSpan.Zero, 100.0), (figures.Incidents, figures.Downtime, figures.AvailabilityPercent));
        Assert.Null(figures.MedianTimeToRecover);
    }

    private static RecoveryRecord Incident(DateTimeOffset lastHeard, DateTimeOffset? completed, RecoveryOutcome? outcome) => new()
    {
        Id = Guid.NewGuid(),
        VmName = "vm",
        LastHeardAt = lastHeard,
        StartedAt = lastHeard.AddMinutes(1),
        CompletedAt = completed,
        Outcome = outcome,
    };
}
