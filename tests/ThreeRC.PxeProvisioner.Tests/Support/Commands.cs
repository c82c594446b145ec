using ThreeRC.Contracts.Provisioning;

namespace ThreeRC.PxeProvisioner.Tests.Support;

internal static class Commands
{
    public static PrepareReinstall Reinstall(string vm, string profile) =>
        new(Guid.NewGuid(), vm, Guid.NewGuid(), profile, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(10));
}
