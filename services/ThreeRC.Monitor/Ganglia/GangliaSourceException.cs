namespace ThreeRC.Monitor.Ganglia;

/// <summary>A source could not be read: unreachable, too slow, or its document broken or too large. The message says which.</summary>
internal sealed class GangliaSourceException(string message, Exception? inner = null) : Exception(message, inner);
