using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>
/// The commands of one virtualization layer. Each method runs its commands in the given shell and checks what they
/// print; the restart and fencing steps that use them are the same for every driver.
/// </summary>
internal interface IHypervisorDriver
{
    HypervisorDriver Kind { get; }

    /// <summary>
    /// The VM as the host knows it, or null when the host does not know it: only when a listing of the host's VMs
    /// succeeded without it, since a failed or partial view must never pass for a host that cannot run the VM.
    /// </summary>
    Task<Domain?> FindAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken);

    /// <summary>How many VMs the host's hypervisor lists on the host's connection: the listing fencing by hypervisor relies on.</summary>
    Task<int> CountVmsAsync(HostShell host, CancellationToken cancellationToken);

    /// <summary>Registers the VM on the host from its definition on shared storage.</summary>
    Task RegisterAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken);

    /// <summary>
    /// Powers the VM off at once (no guest shutdown: it is down or must stop now), then asks its power state, in one
    /// round trip.
    /// </summary>
    Task<Domain> PowerOffAsync(HostShell host, Domain domain, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the VM, powering it off at once first when it is not off, then asks its power state: all in one round
    /// trip, each command only when the one before it succeeded.
    /// </summary>
    Task<Domain> StartAsync(HostShell host, Domain domain, CancellationToken cancellationToken);

    /// <summary>Asks the power state again.</summary>
    Task<Domain> RefreshAsync(HostShell host, Domain domain, CancellationToken cancellationToken);

    /// <summary>The commands a restart may run, with their conditions; building it checks every value.</summary>
    IReadOnlyList<string> PlanRestart(VirtualMachine vm);

    /// <summary>The commands fencing through this hypervisor may run, with their conditions; building it checks every value.</summary>
    IReadOnlyList<string> PlanFence(VirtualMachine vm);
}
