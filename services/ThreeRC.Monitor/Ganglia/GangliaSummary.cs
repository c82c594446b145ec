namespace ThreeRC.Monitor.Ganglia;

/// <summary>
/// A HOSTS summary of a gmetad document: a grid or cluster whose hosts are counted rather than listed (a remote
/// grid of a scalable gmetad, or gmetad's ?filter=summary). Its hosts are not visible to the monitor.
/// </summary>
/// <param name="Path">The enclosing GRID and CLUSTER names, outermost first, joined by '/'.</param>
/// <param name="Up">Hosts gmetad counts as up.</param>
/// <param name="Down">Hosts gmetad counts as down.</param>
internal sealed record GangliaSummary(string Path, int Up, int Down);
