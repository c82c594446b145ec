namespace ThreeRC.Testing.Ganglia;

/// <summary>
/// A heartbeat emulator: a host that exists only as the packets <c>gmetric --spoof IP:NAME --heartbeat</c> (and,
/// with a <see cref="SpoofedLoad"/>, its load metrics) sends to a gmond every interval. Stop it and Ganglia stops
/// hearing from the host, as after a crash; start it again and the host reports again.
/// gmond keys spoofed hosts by address, so every emulated host needs an address of its own.
/// </summary>
public sealed class SpoofedHost : IAsyncDisposable
{
    private readonly string _configFile;
    private readonly SemaphoreSlim _control = new(1, 1);
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private long _lastReportTicks;
    private long _lastRoundStartTicks;

    public SpoofedHost(string gmondConfigFile, string address, string name, SpoofedLoad? load, TimeSpan interval)
    {
        _configFile = gmondConfigFile;
        Address = address;
        Name = name;
        Load = load;
        Interval = interval;
    }

    public string Address { get; }

    public string Name { get; }

    public SpoofedLoad? Load { get; }

    public TimeSpan Interval { get; }

    public bool IsRunning => _stop is not null;

    /// <summary>
    /// When the last gmetric of the last round returned, as this process saw it: Ganglia's TN for the host counts
    /// from no later than then (a loaded machine may see the return well after the packet left).
    /// </summary>
    public DateTimeOffset? LastReportAt => At(ref _lastReportTicks);

    /// <summary>When the last round began: Ganglia's TN for the host counts from no earlier than then.</summary>
    public DateTimeOffset? LastRoundStartedAt => At(ref _lastRoundStartTicks);

    /// <summary>Starts (or resumes) reporting: one round now, then one every interval.</summary>
    public async Task StartAsync()
    {
        await _control.WaitAsync();
        try
        {
            if (_stop is not null) return;
            _stop = new CancellationTokenSource();
            var stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(stop));
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Stops reporting; when it returns, no further packet is sent.</summary>
    public async Task StopAsync()
    {
        await _control.WaitAsync();
        try
        {
            if (_stop is null) return;
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            finally
            {
                _stop.Dispose();
                _stop = null;
            }
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>One round now: the heartbeat, then the load metrics.</summary>
    public async Task ReportAsync()
    {
        var startedAt = DateTimeOffset.UtcNow.UtcTicks;
        await GmetricAsync("--heartbeat");
        foreach (var (name, value, type, units) in Load?.Metrics() ?? [])
            await GmetricAsync("--name", name, "--value", value, "--type", type, "--units", units);
        Interlocked.Exchange(ref _lastRoundStartTicks, startedAt);
        Interlocked.Exchange(ref _lastReportTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    private static DateTimeOffset? At(ref long ticks)
    {
        var read = Interlocked.Read(ref ticks);
        return read == 0 ? null : new DateTimeOffset(read, TimeSpan.Zero);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _control.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ReportAsync();
            }
            catch (GmetricSendException)
            {
                // gmond is down: a real host keeps sending its UDP packets all the same.
            }

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

    private async Task GmetricAsync(params string[] arguments)
    {
        var result = await Command.RunAsync("gmetric", ["--conf", _configFile, "--spoof", $"{Address}:{Name}", .. arguments], TimeSpan.FromSeconds(10));
        if (result.ExitCode == 0) return;
        var message = $"gmetric for {Name} failed: {result}";
        throw result.Error.Contains("error sending", StringComparison.Ordinal) ? new GmetricSendException(message) : new InvalidOperationException(message);
    }

    /// <summary>gmetric ran but its UDP packet was refused, as it is while gmond is down.</summary>
    private sealed class GmetricSendException(string message) : Exception(message);
}
