using ThreeRC.Monitor.Ganglia;

namespace ThreeRC.Monitor.Sources;

/// <summary>What one source gave in one poll: its document, or why there was none.</summary>
internal sealed record SourceReport(GangliaSource Source, DateTimeOffset ReceivedAt, GangliaDocument? Document, string? Failure)
{
    public bool Answered => Document is not null;
}
