using BenchmarkDotNet.Attributes;
using ThreeRC.Api.Persistence;
using ThreeRC.Api.Reports;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Benchmarks.Api;

/// <summary>The availability figures of one VM from the incidents of a report window (the report runs this once per VM).</summary>
[MemoryDiagnoser]
public class AvailabilityCalculatorBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private RecoveryRecord[] _incidents = [];

    [Params(100, 10_000)]
    public int Incidents { get; set; }

    [GlobalSetup]
    public void Setup() => _incidents = Enumerable.Range(0, Incidents).Select(i => new RecoveryRecord
    {
        Id = Guid.NewGuid(),
        VmName = i % 10 == 0 ? "vm" : "other",
        LastHeardAt = Start.AddMinutes(i * 7),
        StartedAt = Start.AddMinutes((i * 7) + 1),
        CompletedAt = Start.AddMinutes((i * 7) + 5),
        Outcome = RecoveryOutcome.Recovered,
        TimeToRecoverMs = 240_000 + i,
    }).ToArray();

    [Benchmark]
    public VmAvailabilityFigures Compute() => AvailabilityCalculator.Compute("vm", _incidents, Start, Start.AddDays(90), Start.AddDays(91));
}
