namespace ThreeRC.Monitor.Push;

/// <summary>A UDP packet that is not a well-formed Ganglia 3.1+ message, and what is wrong with it.</summary>
internal sealed class GangliaPacketException(string message) : Exception(message);
