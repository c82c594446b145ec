using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.HypervisorExecutor.Ledger;

/// <summary>What the ledger keeps of a command: its id, its kind, whose it is, and until when it may run.</summary>
public sealed record CommandTicket(Guid CommandId, string Kind, Guid RecoveryId, string VmName, DateTimeOffset NotAfter)
{
    public static CommandTicket Of(RebootGuest command) => new(command.CommandId, nameof(RebootGuest), command.RecoveryId, command.VmName, command.NotAfter);

    public static CommandTicket Of(RestartVm command) => new(command.CommandId, nameof(RestartVm), command.RecoveryId, command.VmName, command.NotAfter);

    public static CommandTicket Of(FenceHost command) => new(command.CommandId, nameof(FenceHost), command.RecoveryId, command.VmName, command.NotAfter);

    public override string ToString() => $"{Kind} {CommandId} for {VmName}";
}
