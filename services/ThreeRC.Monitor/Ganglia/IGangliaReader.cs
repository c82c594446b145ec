namespace ThreeRC.Monitor.Ganglia;

/// <summary>Reads the current document of a Ganglia source.</summary>
internal interface IGangliaReader
{
    /// <summary>The source's whole document, parsed; a <see cref="GangliaSourceException"/> says why it could not be had.</summary>
    Task<GangliaDocument> ReadAsync(GangliaSource source, CancellationToken cancellationToken);
}
