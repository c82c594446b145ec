namespace ThreeRC.Monitor.Ganglia;

/// <summary>A document that is not well-formed Ganglia XML; the message says what is wrong and where.</summary>
internal sealed class GangliaFormatException(string message, Exception? inner = null) : Exception(message, inner);
