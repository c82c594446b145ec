namespace ThreeRC.Node.Lab.Simulation;

/// <summary>What a VM's pxelinux entry tells its installer: where to call back when done, with which token.</summary>
public sealed record InstallOrder(string VmName, Uri CallbackUrl, string Token);
