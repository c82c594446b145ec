namespace ThreeRC.Api.Reports;

/// <summary>One VM's figures over a window.</summary>
public sealed record VmAvailabilityFigures(
    string VmName,
    int Incidents,
    int Recovered,
    int Failed,
    int Cancelled,
    int Open,
    TimeSpan Downtime,
    TimeSpan? MedianTimeToRecover,
    TimeSpan? WorstTimeToRecover,
    double AvailabilityPercent);
