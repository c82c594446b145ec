using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Operations;
using ThreeRC.PxeProvisioner.Http;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Pxelinux;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.PxeProvisioner.Preflight;

/// <summary>
/// What a reinstall needs of this instance: a pxelinux folder it can write an entry into, and a call-back URL that
/// answers (from here: an installer must reach it from the VM's network as well).
/// </summary>
internal sealed class PxePreflightCheck(TftpRoot tftp, IOptions<PxeOptions> options, IHttpClientFactory http) : IPreflightCheck
{
    private const string ProbeVm = "threerc-preflight";

    public string Module => PreflightModules.Pxe;

    public string Name => "pxe";

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken) =>
        [await WritableAsync(cancellationToken), await CallbackAsync(cancellationToken)];

    private async Task<PreflightFinding> WritableAsync(CancellationToken cancellationToken)
    {
        var probe = $"{PxeConfigFile.Folder}/.{ProbeVm}-{Guid.NewGuid():N}";
        try
        {
            await tftp.WriteAsync(probe, "written by threerc doctor\n", cancellationToken);
            tftp.Delete(probe);
            return new PreflightFinding(Module, "tftp root writable", tftp.ConfigFolder, true, "an entry was written and removed");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PreflightFinding(Module, "tftp root writable", tftp.ConfigFolder, false, e.Message);
        }
    }

    private async Task<PreflightFinding> CallbackAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CallbackBaseUrl is not { Length: > 0 } baseUrl)
            return new PreflightFinding(Module, "call-back url", "Pxe:CallbackBaseUrl", false, "not configured: every reinstall is refused");
        var url = PxeRoutes.For(baseUrl, PxeRoutes.InstallConfig, ProbeVm);
        try
        {
            using var response = await http.CreateClient().GetAsync(url, cancellationToken);
            var status = (int)response.StatusCode;
            return new PreflightFinding(Module, "call-back url", baseUrl, status < 500, $"GET {url} answered {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            return new PreflightFinding(Module, "call-back url", baseUrl, false, $"GET {url}: {e.Message}");
        }
    }
}
