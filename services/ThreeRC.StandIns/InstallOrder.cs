using System.Net.Http.Headers;

namespace ThreeRC.StandIns;

/// <summary>What a VM's pxelinux entry tells its installer: where to call back when done, with which token.</summary>
public sealed record InstallOrder(string VmName, Uri CallbackUrl, string Token)
{
    /// <summary>
    /// The order an entry gives, read from the kernel command line as a real installer reads <c>/proc/cmdline</c>;
    /// null when the entry boots from disk or names no call-back.
    /// </summary>
    public static InstallOrder? In(string pxelinux, string vmName) =>
        PxelinuxEntry.KernelArgumentOrNull(pxelinux, "threerc.callback") is { } callback
        && PxelinuxEntry.KernelArgumentOrNull(pxelinux, "threerc.token") is { } token
        && Uri.TryCreate(callback, UriKind.Absolute, out var url)
            ? new InstallOrder(vmName, url, token)
            : null;

    /// <summary>The finished installer's call-back: a POST to the provisioner with the entry's one-time token.</summary>
    public async Task<HttpResponseMessage> CallBackAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CallbackUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await http.SendAsync(request, cancellationToken);
    }
}
