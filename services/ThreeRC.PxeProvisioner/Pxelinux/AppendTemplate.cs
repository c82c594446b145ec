using ThreeRC.Inventory.Model;

namespace ThreeRC.PxeProvisioner.Pxelinux;

/// <summary>
/// Fills a profile's kernel command line. Every value put in has passed a strict pattern (names, MAC, the
/// validated call-back URL, a base64url token), so none can add a line or a space to the stanza.
/// </summary>
internal static class AppendTemplate
{
    public static string Render(InstallProfile profile, VirtualMachine vm, string callbackUrl, string token) =>
        profile.Append
            .Replace("{vm}", vm.Name, StringComparison.Ordinal)
            .Replace("{mac}", vm.Mac, StringComparison.Ordinal)
            .Replace("{role}", profile.Role, StringComparison.Ordinal)
            .Replace("{callback}", callbackUrl, StringComparison.Ordinal)
            .Replace("{token}", token, StringComparison.Ordinal);
}
