using ThreeRC.Contracts.Provisioning;

namespace ThreeRC.PxeProvisioner.Tests.Support;

internal static class Commands
{
    public static PrepareReinstall Reinstall(string vm, string profile) =>
        new(Guid.NewGuid(), vm, profile, DateTimeOffset.UtcNow);

    /// <summary>The value of a kernel argument such as threerc.token=... in a rendered pxelinux file.</summary>
    public static string KernelArgument(string pxelinux, string name) =>
        pxelinux.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Single(word => word.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
