using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Inventory.Model;
using ThreeRC.Monitor.Detection;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Sources;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.Monitor.Preflight;

/// <summary>
/// Reads every Ganglia source now, and looks up every host and VM of the inventory under its Ganglia name: a name
/// no source lists, or lists as silent, is a machine whose failure the monitor would not see.
/// </summary>
internal sealed class GangliaPreflightCheck(SourceBoard sources, IGangliaReader reader, ClusterInventory inventory) : IPreflightCheck
{
    private readonly SilenceRule _rule = new(inventory.Detection);

    public string Module => PreflightModules.Monitor;

    public string Name => "ganglia";

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(sources.Sources.Select(source => ReadAsync(source, cancellationToken)));
        var findings = reads.Select(read => read.Finding).ToList();
        var documents = reads.Where(read => read.Document is not null).Select(read => (read.Source, Document: read.Document!)).ToList();
        if (documents.Count > 0) findings.AddRange(WatchedHost.From(inventory).Select(host => Lookup(host, documents)));
        return findings;
    }

    private async Task<(GangliaSource Source, GangliaDocument? Document, PreflightFinding Finding)> ReadAsync(GangliaSource source, CancellationToken cancellationToken)
    {
        try
        {
            var document = await reader.ReadAsync(source, cancellationToken);
            return (source, document, new PreflightFinding(Module, "ganglia source", source.ToString(), true, $"answers, lists {document.Hosts.Count} host(s)"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (source, null, new PreflightFinding(Module, "ganglia source", source.ToString(), false, e.Message));
        }
    }

    private PreflightFinding Lookup(WatchedHost host, IReadOnlyList<(GangliaSource Source, GangliaDocument Document)> documents)
    {
        var subject = $"{(host.Kind == HostKind.Physical ? "host" : "VM")} {host.Name}";
        var listings = documents
            .Where(read => read.Document.Hosts.ContainsKey(host.GangliaName))
            .Select(read => (read.Source, Listed: read.Document.Hosts[host.GangliaName]))
            .OrderBy(read => read.Listed.SecondsSinceHeard)
            .ToList();
        if (listings.Count == 0)
            return new PreflightFinding(Module, "in ganglia", subject, false,
                $"no source lists '{host.GangliaName}' ({string.Join(", ", documents.Select(read => read.Source))}): check its gmond, or its gangliaName in the inventory");
        var (source, listed) = listings[0];
        var silent = _rule.Violation(listed.SecondsSinceHeard, listed.Tmax);
        return new PreflightFinding(Module, "in ganglia", subject, silent is null, silent is null
            ? $"{source} lists '{host.GangliaName}', heard {listed.SecondsSinceHeard} s ago"
            : $"{source} lists '{host.GangliaName}' but it is silent: {silent}");
    }
}
