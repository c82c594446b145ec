using ThreeRC.Api.V1;
using ThreeRC.Testing.Browser;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Dashboard.Tests;

/// <summary>
/// The six services as processes protecting an emulated data centre of three hosts and four VMs, with an API key, and
/// a headless chromium to look at the Api's dashboard. Each test crashes or changes its own VM (alfa03 and vm04 are
/// the fencing alert's). T2 is a minute and fencing retries every 2 s, so that a host nothing can fence raises its
/// alert (after two full rounds) well before its incident gives up.
/// </summary>
public sealed class DashboardStack : IAsyncLifetime
{
    public const string Key = "dashboard-test-key-0123456789";

    private ProtectedDataCentre? _stack;
    private HeadlessChromium? _chromium;

    public EmulatedDataCentre DataCentre => _stack!.DataCentre;

    public HeadlessChromium Chromium => _chromium!;

    public Recoveries.RecoveriesClient Recoveries => new(_stack!.Api);

    public Cluster.ClusterClient Cluster => new(_stack!.Api);

    /// <summary>The dashboard's address: the Api's HTTP/1.1 URL.</summary>
    public string Address => _stack!.Services.ApiWebAddress;

    public string Story(string vm) => _stack!.Story(vm);

    public async Task InitializeAsync()
    {
        _chromium = await HeadlessChromium.StartAsync();
        _stack = await ProtectedDataCentre.StartAsync(new Dictionary<string, string[]>
        {
            ["alfa01"] = ["vm01", "vm02"],
            ["alfa02"] = ["vm03"],
            ["alfa03"] = ["vm04"],
        }, DataCentreTimers.ForTests with { RestartWait = TimeSpan.FromMinutes(1) }, settings: new Dictionary<string, string?>
        {
            ["Api__ApiKey"] = Key,
            ["Orchestrator__FenceRetryMax"] = "00:00:02",
            ["Executor__Ipmi__PowerOffTimeout"] = "00:00:03",
            // The monitor's first announcements may come before the Api's queue exists: its state report fills them in.
            ["Monitor__StateReportInterval"] = "00:00:05",
        });
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
        if (_chromium is not null) await _chromium.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardStackCollection : ICollectionFixture<DashboardStack>
{
    public const string Name = "dashboard stack";
}
