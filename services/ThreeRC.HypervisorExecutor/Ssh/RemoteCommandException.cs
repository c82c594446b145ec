namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>A remote command could not run or failed; the message says where and why, never a secret.</summary>
public class RemoteCommandException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The connection dropped while a command ran (a guest that reboots does this).</summary>
public sealed class ConnectionLostException(string message, Exception? inner = null) : RemoteCommandException(message, inner);
