using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Options;
using ThreeRC.ServiceDefaults.Observability;

namespace ThreeRC.Monitor.Push;

/// <summary>
/// Hears Ganglia's UDP packets on <c>Monitor:Push</c> and tells the <see cref="PushBoard"/> who sent each. A packet that
/// is not Ganglia's is counted and dropped, with one log line per <see cref="LogEvery"/> at most: a flood of them costs
/// a decode each and nothing more.
/// </summary>
internal sealed class PushReceiver(PushBoard board, IOptions<MonitorOptions> options, TimeProvider time, IMeterFactory meters, ILogger<PushReceiver> logger)
    : BackgroundService
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly Counter<long> _packets = meters.Create(ThreeRcMeter.Name).CreateCounter<long>(
        "threerc.monitor.push_packets", description: "Ganglia UDP packets heard by the monitor, by outcome (heard, dropped)");

    private DateTimeOffset _lastDropLog = DateTimeOffset.MinValue;
    private int _droppedSinceLog;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Push;
        if (settings.Port is not { } port) return;
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Parse(settings.Bind), port));
        logger.LogInformation("Hearing Ganglia's packets on UDP {Bind}:{Port}", settings.Bind, port);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var received = await udp.ReceiveAsync(stoppingToken);
                Take(received.Buffer, received.RemoteEndPoint);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                logger.LogWarning("Receiving on UDP {Bind}:{Port} failed: {Reason}; hearing on", settings.Bind, port, e.Message);
            }
        }
    }

    private void Take(byte[] packet, IPEndPoint sender)
    {
        try
        {
            board.Heard(GangliaPacketReader.Read(packet), time.GetUtcNow());
            _packets.Add(1, new KeyValuePair<string, object?>("outcome", "heard"));
        }
        catch (GangliaPacketException e)
        {
            _packets.Add(1, new KeyValuePair<string, object?>("outcome", "dropped"));
            _droppedSinceLog++;
            var now = time.GetUtcNow();
            if (now - _lastDropLog < LogEvery) return;
            logger.LogWarning("Dropped {Count} packet(s) that are not Ganglia's since the last such line; the last from {Sender}: {Reason}",
                _droppedSinceLog, sender, e.Message);
            _lastDropLog = now;
            _droppedSinceLog = 0;
        }
    }
}
