namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>A value meant for a remote command failed its pattern; nothing was run and no connection was made.</summary>
public sealed class UnsafeValueException(string message) : Exception(message);
