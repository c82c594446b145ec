using System.Net.Http.Headers;
using Dapper;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Extensions;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Pxelinux;
using ThreeRC.ServiceDefaults;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Support;

/// <summary>
/// The provisioner module in a real web host on a loopback port and the in-memory bus, as the all-in-one node
/// runs it, with recorders for the events it publishes and for what it logs.
/// </summary>
internal sealed class ProvisionerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProvisionerHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public PublishedMessages Published => Services.GetRequiredService<PublishedMessages>();

    /// <summary>What the provisioner logged at Information and above, in order.</summary>
    public IReadOnlyList<FakeLogRecord> Logs => Services.GetFakeLogCollector().GetSnapshot()
        .Where(record => record.Level >= LogLevel.Information && record.Category?.StartsWith("ThreeRC.", StringComparison.Ordinal) == true).ToList();

    /// <param name="data">The host's data folder (its SQLite file).</param>
    /// <param name="tftpRoot">The TFTP root it writes pxelinux.cfg/ into.</param>
    /// <param name="time">The clock; the system's when null.</param>
    /// <param name="inventory">Replaces the inventory read from the test inventory file.</param>
    /// <param name="writer">Replaces the atomic file writer.</param>
    /// <param name="settings">More configuration keys, such as Pxe:DnsmasqHinfoFile.</param>
    public static async Task<ProvisionerHost> StartAsync(
        TempDirectory data,
        string tftpRoot,
        FakeTimeProvider? time = null,
        ClusterInventory? inventory = null,
        AtomicFileWriter? writer = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = baseUrl,
            ["Inventory:Path"] = TestInventory.Write(data),
            ["Bus:Transport"] = "InMemory",
            ["Pxe:TftpRoot"] = tftpRoot,
            ["Pxe:CallbackBaseUrl"] = baseUrl,
        });
        builder.Configuration.AddInMemoryCollection(TestStorage.Settings(data.Path));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (time is not null) builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<PublishedMessages>();
        builder.AddServiceDefaults(modules => modules.AddPxeProvisioner().AddToBus(bus =>
        {
            bus.AddConsumer<MessageRecorder<ReinstallPrepared>>();
            bus.AddConsumer<MessageRecorder<ReinstallRefused>>();
            bus.AddConsumer<MessageRecorder<InstallCompleted>>();
        }));
        builder.Logging.AddFakeLogging();
        if (inventory is not null) builder.Services.AddSingleton(inventory);
        if (writer is not null) builder.Services.AddSingleton(writer);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ProvisionerHost(app, baseUrl);
    }

    public Task PublishAsync(PrepareReinstall command) => Services.GetRequiredService<IBus>().Publish(command);

    /// <summary>Publishes the command and waits for the provisioner's answer to it.</summary>
    public async Task<object> PrepareAsync(PrepareReinstall command)
    {
        await PublishAsync(command);
        return await Eventually.Until(
            () => Task.FromResult(Answer(command.CommandId)),
            answer => answer is not null,
            TimeSpan.FromSeconds(30),
            $"an answer to {command}") ?? throw new InvalidOperationException("unreachable");
    }

    /// <summary>Publishes the orchestrator's report that an incident ended and waits until the provisioner has taken it in.</summary>
    public async Task EndIncidentAsync(RecoveryCompleted ended)
    {
        await Services.GetRequiredService<IBus>().Publish(ended);
        await Eventually.Until(() => RemembersEndOfAsync(ended.RecoveryId), TimeSpan.FromSeconds(30), $"the end of incident {ended.RecoveryId} taken in");
    }

    /// <summary>The VM's install token as stored, or null when none was issued.</summary>
    public async Task<IssuedToken?> TokenOfAsync(string vm)
    {
        await using var connection = await Services.GetRequiredService<PxeDatabase>().OpenAsync();
        await using var transaction = connection.BeginTransaction();
        return await InstallTokenStore.FindAsync(transaction, vm);
    }

    public Task<HttpResponseMessage> GetInstallConfigAsync(string vm, string? token) =>
        SendAsync(HttpMethod.Get, $"/pxe/vms/{vm}/install-config", token);

    public Task<HttpResponseMessage> CompleteInstallAsync(string vm, string? token) =>
        SendAsync(HttpMethod.Post, $"/pxe/vms/{vm}/install-completed", token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<bool> RemembersEndOfAsync(Guid recoveryId)
    {
        await using var connection = await Services.GetRequiredService<PxeDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ended_recoveries WHERE recovery_id = @id", new { id = recoveryId.ToString("D") }) == 1;
    }

    private object? Answer(Guid commandId) =>
        Published.Of<ReinstallPrepared>().FirstOrDefault(prepared => prepared.CommandId == commandId) as object
        ?? Published.Of<ReinstallRefused>().FirstOrDefault(refused => refused.CommandId == commandId);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request);
    }
}
