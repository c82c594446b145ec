namespace ThreeRC.Monitor.Detection;

/// <summary>What the bus was last told about a host. Unknown until the first poll that judges it.</summary>
internal enum HostStatus
{
    Unknown,
    Responsive,
    Unresponsive,
}
