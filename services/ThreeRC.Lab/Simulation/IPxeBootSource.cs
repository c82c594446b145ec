using ThreeRC.StandIns;

namespace ThreeRC.Lab.Simulation;

/// <summary>What a simulated VM's network boot finds: an install order, or local boot (null).</summary>
public interface IPxeBootSource
{
    InstallOrder? InstallOrderFor(SimulatedVm vm);
}
