using ThreeRC.Inventory.Model;

namespace ThreeRC.Placement.Model;

/// <summary>
/// Everything placement knows, in memory: the hosts, the VM→host map (seeded from the inventory's home hosts),
/// the reservations, the recent starts, the waiting requests and the possible starts. Every change goes through a
/// method here, which keeps each host's figures in step and records the change for the store.
/// </summary>
internal sealed partial class PlacementState
{
    private readonly ClusterInventory _inventory;
    private readonly Dictionary<string, HostState> _hosts;
    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Reservation> _reservations = [];
    private readonly Dictionary<string, Reservation> _reservationOfVm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecentStart> _starts = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, WaitingRequest> _waiting = [];
    private readonly Dictionary<string, WaitingRequest> _waitingOfVm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _failedRestarts = new(StringComparer.Ordinal);
    private long _lastSequence;

    public PlacementState(ClusterInventory inventory)
    {
        _inventory = inventory;
        Hosts = [.. inventory.Hosts.OrderBy(host => host.Name, StringComparer.Ordinal).Select(host => new HostState(host))];
        _hosts = Hosts.ToDictionary(host => host.Name, StringComparer.Ordinal);
        foreach (var vm in inventory.Vms) MoveVm(vm, vm.HomeHost);
        Changes.Clear();
    }

    /// <summary>In host name order, which is the score's tie-break.</summary>
    public HostState[] Hosts { get; }

    public IReadOnlyDictionary<string, string> Map => _map;

    public IReadOnlyDictionary<Guid, Reservation> Reservations => _reservations;

    public IReadOnlyDictionary<string, RecentStart> Starts => _starts;

    public IReadOnlyDictionary<Guid, WaitingRequest> Waiting => _waiting;

    public StateChanges Changes { get; } = new();

    public HostState? FindHost(string? name) => name is null ? null : _hosts.GetValueOrDefault(name);

    public VirtualMachine? FindVm(string? name) => name is null ? null : _inventory.FindVm(name);

    public string? HostOf(string vmName) => _map.GetValueOrDefault(vmName);

    public Reservation? ReservationOf(string vmName) => _reservationOfVm.GetValueOrDefault(vmName);

    public WaitingRequest? WaitingOf(string vmName) => _waitingOfVm.GetValueOrDefault(vmName);

    public void Touch(HostState host) => Changes.Hosts.Add(host.Name);

    public void MoveVm(VirtualMachine vm, string hostName)
    {
        if (HostOf(vm.Name) is { } old)
        {
            if (old == hostName) return;
            FindHost(old)?.Vacate(vm);
        }

        _map[vm.Name] = hostName;
        FindHost(hostName)?.Occupy(vm);
        Changes.Vms.Add(vm.Name);
    }

    /// <summary>Holds room for the VM; a VM holds one reservation at most, so an earlier one must be released first.</summary>
    public void Reserve(VirtualMachine vm, Reservation reservation)
    {
        _reservationOfVm.Add(vm.Name, reservation);
        _reservations.Add(reservation.RecoveryId, reservation);
        if (FindHost(reservation.HostName) is { } host)
        {
            host.Occupy(vm);
            host.AddArrival(vm);
        }

        Changes.Reservations.Add(reservation.RecoveryId);
    }

    public Reservation? Release(Guid recoveryId)
    {
        if (!_reservations.Remove(recoveryId, out var reservation)) return null;
        _reservationOfVm.Remove(reservation.VmName);
        if (FindHost(reservation.HostName) is { } host && FindVm(reservation.VmName) is { } vm)
        {
            host.Vacate(vm);
            host.RemoveArrival(vm);
        }

        Changes.Reservations.Add(recoveryId);
        return reservation;
    }

    public void RecordStart(VirtualMachine vm, RecentStart start)
    {
        Settle(vm.Name);
        _starts.Add(vm.Name, start);
        FindHost(start.HostName)?.AddArrival(vm);
        Changes.Starts.Add(vm.Name);
    }

    public void Settle(string vmName)
    {
        if (!_starts.Remove(vmName, out var start)) return;
        if (FindHost(start.HostName) is { } host && FindVm(vmName) is { } vm) host.RemoveArrival(vm);
        Changes.Starts.Add(vmName);
    }

    /// <summary>Queues the request; a VM waits once at most, so an earlier request must be dequeued first.</summary>
    public void Enqueue(WaitingRequest request)
    {
        _waitingOfVm.Add(request.VmName, request);
        _waiting.Add(request.RecoveryId, request);
        _lastSequence = Math.Max(_lastSequence, request.Sequence);
        Changes.Waiting.Add(request.RecoveryId);
    }

    public WaitingRequest? Dequeue(Guid recoveryId)
    {
        if (!_waiting.Remove(recoveryId, out var request)) return null;
        _waitingOfVm.Remove(request.VmName);
        Changes.Waiting.Add(recoveryId);
        return request;
    }

    public long NextSequence() => _lastSequence + 1;

    /// <summary>
    /// Remembers, until <paramref name="until"/>, the end of the VM's incident or the host reporting again, that a
    /// restart of the VM on the host failed. Kept in memory only: after a restart of placement the host may be chosen
    /// once more, and fail once more.
    /// </summary>
    public void RecordFailedRestart(string vmName, string hostName, DateTimeOffset until)
    {
        if (!_failedRestarts.TryGetValue(vmName, out var hosts)) _failedRestarts[vmName] = hosts = new(StringComparer.Ordinal);
        hosts[hostName] = until;
    }

    /// <summary>Forgets where the VM's restarts failed: its incident ended, and the next one starts afresh.</summary>
    public void ForgetFailedRestarts(string vmName) => _failedRestarts.Remove(vmName);

    /// <summary>Forgets every failed restart on the host: it reports again, so what made it fail (no power, no network) may be over.</summary>
    public void ForgetFailedRestartsOn(string hostName)
    {
        foreach (var hosts in _failedRestarts.Values) hosts.Remove(hostName);
    }

    public IReadOnlySet<string> FailedRestartHostsOf(string vmName, DateTimeOffset now) =>
        _failedRestarts.TryGetValue(vmName, out var hosts)
            ? hosts.Where(failed => failed.Value > now).Select(failed => failed.Key).ToHashSet(StringComparer.Ordinal)
            : NoHosts;

    private static readonly IReadOnlySet<string> NoHosts = new HashSet<string>();
}
