using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Monitor.Detection;

/// <summary>
/// The optional confirmation probe: when the inventory asks for it, a physical host Ganglia calls silent is declared
/// down only if a TCP connect to its SSH port fails too. It guards against a Ganglia that has stopped hearing a live
/// host, which would be fenced. VMs are not probed: a silent guest whose SSH port still answers is the crashed or
/// overloaded guest that the first step, a reboot over SSH, is for.
/// </summary>
internal sealed class DownConfirmation(ClusterInventory inventory, TimeProvider time, ILogger<DownConfirmation> logger)
{
    private HashSet<string> _vetoed = [];

    /// <summary>The silent VMs and the silent physical hosts whose SSH port does not answer (all of them when no probe is asked for).</summary>
    public async Task<IReadOnlyList<HostJudgement>> ConfirmAsync(IReadOnlyList<HostJudgement> silent, CancellationToken cancellationToken)
    {
        var settings = inventory.Detection;
        if (!settings.ConfirmWithProbe || silent.Count == 0) return silent;
        var answers = await Task.WhenAll(silent.Select(judgement => judgement.Host.Kind == HostKind.Physical
            ? AnswersAsync(judgement.Host, settings.ProbeTimeout, cancellationToken)
            : Task.FromResult(false)));

        var confirmed = new List<HostJudgement>();
        var vetoed = new HashSet<string>();
        for (var i = 0; i < silent.Count; i++)
        {
            var host = silent[i].Host;
            if (!answers[i])
                confirmed.Add(silent[i]);
            else if (vetoed.Add(host.Name) && !_vetoed.Contains(host.Name))
                logger.LogWarning("Ganglia says {Host} is silent ({Reason}), but its SSH port {Address}:{Port} answers: not declared unresponsive",
                    host.Name, silent[i].Silence, host.Address, host.SshPort);
        }

        _vetoed = vetoed;
        return confirmed;
    }

    private async Task<bool> AnswersAsync(WatchedHost host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new Deadline(timeout, time, cancellationToken);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host.Address, host.SshPort, deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
