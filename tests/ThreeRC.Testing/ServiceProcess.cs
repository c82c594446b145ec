using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ThreeRC.Testing;

/// <summary>
/// A ThreeRC host (or any program) run as its own process, its output captured, and always stopped:
/// SIGTERM first, then a kill.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The path of a built service's main assembly, such as services/ThreeRC.Monitor/bin/Release/net10.0/ThreeRC.Monitor.dll.</summary>
    public static string ServiceAssembly(string project) =>
        RepositoryRoot.Combine("services", project, "bin", RepositoryRoot.Configuration, "net10.0", project + ".dll");

    /// <summary>Starts a built ThreeRC service with <c>dotnet</c>, configured through environment variables.</summary>
    public static ServiceProcess StartService(
        string project,
        IReadOnlyDictionary<string, string?> environment,
        IEnumerable<string>? arguments = null,
        string? workingDirectory = null) =>
        Start("dotnet", [ServiceAssembly(project), .. arguments ?? []], environment, workingDirectory);

    public static ServiceProcess Start(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) start.Environment[key] = value;
        return new ServiceProcess(start);
    }

    /// <summary>Waits until <paramref name="url"/> answers a health report whose status is <paramref name="status"/>.</summary>
    public Task<JsonElement> WaitForHealthAsync(string url, string status = "Healthy", TimeSpan? timeout = null) => WaitForHealthAsync(url, [status], timeout);

    /// <summary>Waits until <paramref name="url"/> answers a health report whose status is one of <paramref name="statuses"/>.</summary>
    public async Task<JsonElement> WaitForHealthAsync(string url, IReadOnlyCollection<string> statuses, TimeSpan? timeout = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        JsonElement last = default;
        try
        {
            await Eventually.Until(async () =>
            {
                if (HasExited) throw new InvalidOperationException($"the process exited with {ExitCode} before it was healthy:\n{Output}");
                try
                {
                    // An Unhealthy report comes with 503: its body is read all the same.
                    using var response = await client.GetAsync(url);
                    last = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
                    return statuses.Contains(last.GetProperty("status").GetString());
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
                catch (JsonException)
                {
                    // Not a health report yet (the host still starting).
                    return false;
                }
            }, timeout ?? TimeSpan.FromSeconds(60), $"{string.Join(" or ", statuses)} at {url}");
        }
        catch (TimeoutException late)
        {
            throw new TimeoutException($"{late.Message}; last health report: {last}\noutput:\n{Output}", late);
        }
        return last;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>kill -9: the process gets no chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then a kill if it does not stop in time.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited) return;
        await Command.RunAsync("kill", ["-TERM", Id.ToString()], TimeSpan.FromSeconds(5));
        try
        {
            await WaitForExitAsync(grace ?? TimeSpan.FromSeconds(15));
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
