namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>A remote command could not run or failed; the message says where and why, never a secret.</summary>
public class RemoteCommandException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The command was sent but no clear answer came back (it overran its time, or was stopped while it ran): it may
/// have done what it was asked.
/// </summary>
public class CommandUnansweredException(string message, Exception? inner = null) : RemoteCommandException(message, inner);

/// <summary>
/// The caller gave up while the command ran: it was sent and may have run. Still an <see cref="OperationCanceledException"/>,
/// so that cancellation reads as cancellation wherever it is caught.
/// </summary>
public sealed class CommandAbandonedException(string message, Exception inner, CancellationToken token) : OperationCanceledException(message, inner, token);

/// <summary>The connection dropped while a command ran (a guest that reboots does this).</summary>
public sealed class ConnectionLostException(string message, Exception? inner = null) : CommandUnansweredException(message, inner);
