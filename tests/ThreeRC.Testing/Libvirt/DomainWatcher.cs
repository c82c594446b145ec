using System.Collections.Concurrent;

namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// The lab's safety check: every 250 ms it lists each powered host's running domains (<c>virsh list
/// --state-running</c> as the host's user) and its QEMU processes, and notes every moment one VM runs on two hosts.
/// Each QEMU process it sees for the first time is a start of that VM on that host.
/// </summary>
public sealed class DomainWatcher : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly IReadOnlyList<LabHost> _hosts;
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<GuestStart> _starts = new();
    private readonly ConcurrentDictionary<string, string> _runningOn = new();
    private readonly HashSet<int> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DomainWatcher(IReadOnlyList<LabHost> hosts)
    {
        _hosts = hosts;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Every moment a VM ran on two hosts, as "vm01 on lab01, lab02 at …". Empty while all is safe.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Every QEMU process seen, in order: a start of that VM on that host.</summary>
    public IReadOnlyCollection<GuestStart> Starts => _starts;

    public int Rounds { get; private set; }

    /// <summary>The host the VM ran on at the last look, or null when it ran nowhere.</summary>
    public string? RunningOn(string vm) => _runningOn.GetValueOrDefault(vm);

    /// <summary>Throws when a VM ran on two hosts, or the watcher itself failed.</summary>
    public void AssertSafe()
    {
        if (!_violations.IsEmpty) throw new InvalidOperationException("a VM ran on two hosts at once: " + string.Join("; ", _violations));
        if (_loop.IsFaulted) throw new InvalidOperationException("the domain watcher failed", _loop.Exception);
    }

    /// <summary>Waits for one more full round, so what it reports is at least as new as now.</summary>
    public Task NextRoundAsync()
    {
        var round = Rounds;
        return Eventually.Until(() => Rounds > round + 1, TimeSpan.FromSeconds(30), "a new round of the domain watcher");
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await LookAsync();
            Rounds++;
            try
            {
                await Task.Delay(Interval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task LookAsync()
    {
        var where = new Dictionary<string, List<string>>();
        foreach (var host in _hosts)
        {
            var processes = host.User.Processes();
            if (processes.Count == 0) continue;
            var domains = new HashSet<string>(await host.User.RunningDomainsAsync());
            foreach (var qemu in processes.Where(process => process.Domain is not null))
            {
                domains.Add(qemu.Domain!);
                if (_seen.Add(qemu.Pid)) _starts.Enqueue(new GuestStart(qemu.Domain!, host.Name, qemu.Pid, DateTimeOffset.UtcNow));
            }

            foreach (var domain in domains)
                (where.TryGetValue(domain, out var hosts) ? hosts : where[domain] = []).Add(host.Name);
        }

        foreach (var (vm, hosts) in where.Where(pair => pair.Value.Count > 1))
            _violations.Enqueue($"{vm} on {string.Join(", ", hosts)} at {DateTimeOffset.UtcNow:O}");
        foreach (var vm in _runningOn.Keys.Except(where.Keys)) _runningOn.TryRemove(vm, out _);
        foreach (var (vm, hosts) in where) _runningOn[vm] = hosts[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}

/// <summary>A QEMU process of <paramref name="Vm"/> first seen on <paramref name="Host"/>.</summary>
public sealed record GuestStart(string Vm, string Host, int Pid, DateTimeOffset SeenAt);
