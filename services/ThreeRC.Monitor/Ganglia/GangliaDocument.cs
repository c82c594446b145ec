namespace ThreeRC.Monitor.Ganglia;

/// <summary>What one Ganglia document says: every host it lists, by name, and the summaries of what it does not list.</summary>
/// <param name="Hosts">Each host by its NAME, ignoring case; a name listed twice keeps its freshest report.</param>
/// <param name="Summaries">HOSTS summaries of grids or clusters whose hosts are not listed.</param>
internal sealed record GangliaDocument(IReadOnlyDictionary<string, GangliaHost> Hosts, IReadOnlyList<GangliaSummary> Summaries);
