using System.Net;
using System.Net.Sockets;
using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab.Ganglia;

/// <summary>
/// Serves the simulated data centre as a gmond tcp_accept_channel does: every connection gets the whole document
/// and is closed. The monitor reads it through its real Ganglia client.
/// </summary>
public sealed class SimulatedGangliaSource(DataCentre dataCentre, LabSettings settings, ILogger<SimulatedGangliaSource> logger) : BackgroundService
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, settings.GangliaPort);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(stoppingToken);
                try
                {
                    var document = dataCentre.Observe(GmondXml.Render);
                    await client.GetStream().WriteAsync(document, stoppingToken);
                }
                catch (IOException e)
                {
                    logger.LogDebug(e, "A Ganglia reader left before the document was sent");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _listener.Stop();
        }
    }
}
