using ThreeRC.Testing.Libvirt;

namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>The faults the campaign injects, each drawn with a guest: into the guest, or into the host it runs on.</summary>
public enum LabFault
{
    /// <summary>virsh destroy on its host: the domain is shut off.</summary>
    Destroy,

    /// <summary>kill -9 of its QEMU process.</summary>
    KillQemu,

    /// <summary>The guest stops heartbeating; the domain keeps running.</summary>
    Hang,

    /// <summary>The guest kernel panics; the domain keeps running.</summary>
    Panic,

    /// <summary>The host it runs on loses power: every process of the host ends, every guest there with it.</summary>
    PowerLoss,
}

public static class LabFaults
{
    public static Task InjectAsync(this LibvirtLab lab, string vm, LabFault fault) => fault switch
    {
        LabFault.Destroy => lab.DestroyAsync(vm),
        LabFault.KillQemu => lab.KillQemuAsync(vm),
        LabFault.Hang => lab.Guest(vm).HangAsync(),
        LabFault.Panic => lab.Guest(vm).PanicAsync(),
        LabFault.PowerLoss => lab.HostOf(vm).LosePowerAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "not a lab fault"),
    };
}
