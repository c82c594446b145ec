namespace ThreeRC.Contracts.Operations;

/// <summary>What an operator put into (or took out of) maintenance.</summary>
public enum MaintenanceTarget
{
    Host,
    Vm,
}
