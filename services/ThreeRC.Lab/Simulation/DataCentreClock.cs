using ThreeRC.Lab.Reporting;
using ThreeRC.StandIns;

namespace ThreeRC.Lab.Simulation;

/// <summary>
/// Moves the simulated data centre on: finished installs call the real provisioner back over HTTP with the token
/// from their pxelinux entry, and incidents close when their VMs heartbeat again.
/// </summary>
public sealed class DataCentreClock(DataCentre dataCentre, LabJournal journal, IHttpClientFactory http, TimeProvider time, ILogger<DataCentreClock> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var client = http.CreateClient();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var install in dataCentre.Advance()) await CallBack(client, install, stoppingToken);
                dataCentre.Observe((_, vms, _) => journal.Update(vms.ToDictionary(vm => vm.Name)));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CallBack(HttpClient client, InstallOrder install, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await install.CallBackAsync(client, cancellationToken);
            if (response.IsSuccessStatusCode) dataCentre.InstallCalledBack(install.VmName);
            else logger.LogWarning("The installer of {Vm} was answered {Status}", install.VmName, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "The installer of {Vm} could not call back", install.VmName);
        }
    }
}
