using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab.Reporting;

/// <summary>Every injected crash, the VMs it took down, and when the last of them reported to Ganglia again.</summary>
public sealed class LabJournal
{
    private readonly Lock _gate = new();
    private readonly List<(IncidentRecord Record, IReadOnlyList<string> Vms)> _incidents = [];

    public void Crashed(string target, CrashKind kind, IReadOnlyList<string> vms, DateTimeOffset at)
    {
        lock (_gate) _incidents.Add((new IncidentRecord(target, kind, at, null), vms));
    }

    /// <summary>The VMs of open incidents (not to be crashed again before they recover).</summary>
    public IReadOnlySet<string> Affected()
    {
        lock (_gate) return _incidents.Where(i => i.Record.RecoveredAt is null).SelectMany(i => i.Vms).ToHashSet();
    }

    /// <summary>Closes every incident whose VMs all heartbeat again, at the moment the last of them started to.</summary>
    public IReadOnlyList<IncidentRecord> Update(IReadOnlyDictionary<string, SimulatedVm> vms)
    {
        var closed = new List<IncidentRecord>();
        lock (_gate)
        {
            for (var i = 0; i < _incidents.Count; i++)
            {
                var (record, names) = _incidents[i];
                if (record.RecoveredAt is not null) continue;
                var back = names.Select(name => vms[name]).ToList();
                if (!back.All(vm => vm.Guest == GuestCondition.Running && vm.RunningSince > record.CrashedAt)) continue;
                _incidents[i] = (record with { RecoveredAt = back.Max(vm => vm.RunningSince) }, names);
                closed.Add(_incidents[i].Record);
            }
        }

        return closed;
    }

    public IReadOnlyList<IncidentRecord> Records()
    {
        lock (_gate) return _incidents.Select(i => i.Record).ToList();
    }
}
