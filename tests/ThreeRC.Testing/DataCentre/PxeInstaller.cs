using ThreeRC.StandIns;

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
        if (entry.ExitCode != 0 || InstallOrder.In(entry.Output, vm.Name) is not { } order) return (false, "no /boot and no installer");

        await Task.Delay(installTime);
        using var answer = await order.CallBackAsync(_http);
        return (answer.IsSuccessStatusCode, $"reinstalled; the call-back was answered {(int)answer.StatusCode}");
    }

    public void Dispose() => _http.Dispose();
}
