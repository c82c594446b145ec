namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>An action cannot go on; the message is the reason its failed result carries.</summary>
public sealed class ActionFailedException(string reason) : Exception(reason);
