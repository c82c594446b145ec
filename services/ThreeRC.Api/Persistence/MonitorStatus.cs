namespace ThreeRC.Api.Persistence;

/// <summary>What the events last said about a host or VM.</summary>
public enum MonitorStatus
{
    Up,
    Down,

    /// <summary>A physical host powered off through its BMC.</summary>
    Fenced,

    /// <summary>A VM whose last incident failed.</summary>
    Failed,
}
