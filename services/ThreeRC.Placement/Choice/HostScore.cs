using System.Globalization;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice;

/// <summary>
/// How full a qualifying host would be once the VM is placed: projected load / threshold + VMs / max VMs +
/// memory / memoryMb. Each term is below 1 on a qualifying host; the lowest sum wins, and equal sums go to the
/// first host name in ordinal order.
/// </summary>
internal readonly record struct HostScore(HostState Host, double Load, int Vms, long MemoryMb)
{
    public double Value => Load / Host.Host.LoadThreshold + (double)Vms / Host.Host.MaxVms + (double)MemoryMb / Host.Host.MemoryMb;

    public static HostScore Of(HostState host, VirtualMachine vm, double expectedLoadPerVm)
    {
        var newcomer = host.Holds(vm) ? 0 : 1;
        return new HostScore(host, host.ProjectedLoad(expectedLoadPerVm), host.VmCount + newcomer, host.UsedMemoryMb + newcomer * vm.MemoryMb);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"score {Value:0.000}: load {Load:0.00} of {Host.Host.LoadThreshold}, {Vms} of {Host.Host.MaxVms} VMs, {MemoryMb} of {Host.Host.MemoryMb} MiB once placed");
}
