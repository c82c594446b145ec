namespace ThreeRC.PxeProvisioner.Http;

/// <summary>The provisioner's HTTP routes, for the installer of a pending reinstall.</summary>
internal static class PxeRoutes
{
    public const string InstallConfig = "/pxe/vms/{vm}/install-config";
    public const string InstallCompleted = "/pxe/vms/{vm}/install-completed";

    /// <summary>A route with the VM's name filled in, under <paramref name="baseUrl"/>.</summary>
    public static string For(string baseUrl, string route, string vmName) =>
        baseUrl.TrimEnd('/') + route.Replace("{vm}", vmName, StringComparison.Ordinal);
}
