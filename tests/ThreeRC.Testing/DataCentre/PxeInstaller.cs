using System.Net.Http.Headers;

namespace ThreeRC.Testing.DataCentre;

/// <summary>
/// What a VM without /boot does at power on: it boots over PXE. A local boot entry leaves it dead; an install entry
/// runs the installer, which calls the provisioner back with the entry's one-time token.
/// </summary>
internal sealed class PxeInstaller(DnsmasqServer tftp, TimeSpan installTime) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<(bool Succeeded, string What)> BootOverPxeAsync(EmulatedVm vm)
    {
        var entry = await tftp.FetchAsync(vm.PxelinuxFile);
        if (entry.ExitCode != 0 || !entry.Output.Contains("threerc.token=", StringComparison.Ordinal)) return (false, "no /boot and no installer");

        await Task.Delay(installTime);
        using var callback = new HttpRequestMessage(HttpMethod.Post, PxelinuxEntry.KernelArgument(entry.Output, "threerc.callback"));
        callback.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PxelinuxEntry.KernelArgument(entry.Output, "threerc.token"));
        using var answer = await _http.SendAsync(callback);
        return (answer.IsSuccessStatusCode, $"reinstalled; the call-back was answered {(int)answer.StatusCode}");
    }

    public void Dispose() => _http.Dispose();
}
