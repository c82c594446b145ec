using Microsoft.Extensions.Options;
using ThreeRC.Inventory;

namespace ThreeRC.PxeProvisioner.Options;

internal sealed class PxeOptionsValidator : IValidateOptions<PxeOptions>
{
    private static readonly TimeSpan LongestTokenLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan LongestSweepInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan LongestRetention = TimeSpan.FromDays(365);

    public ValidateOptionsResult Validate(string? name, PxeOptions options)
    {
        var failures = new List<string>();
        if (options.TftpRoot is { Length: > 0 } root && !IsPath(root))
            failures.Add($"Pxe:TftpRoot: '{root}' is not a plain path (letters, digits, '.', '_', '+', '-' and '/')");
        if (options.CallbackBaseUrl is { Length: > 0 } url && CallbackUrlError(url) is { } error)
            failures.Add($"Pxe:CallbackBaseUrl: '{url}' {error}");
        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > LongestTokenLifetime)
            failures.Add($"Pxe:TokenLifetime: {options.TokenLifetime} must be more than zero and at most {LongestTokenLifetime.TotalDays} days");
        if (options.SweepInterval <= TimeSpan.Zero || options.SweepInterval > LongestSweepInterval)
            failures.Add($"Pxe:SweepInterval: {options.SweepInterval} must be more than zero and at most {LongestSweepInterval.TotalHours} hour");
        if (options.EndedIncidentRetention < options.TokenLifetime || options.EndedIncidentRetention > LongestRetention)
            failures.Add($"Pxe:EndedIncidentRetention: {options.EndedIncidentRetention} must be at least Pxe:TokenLifetime ({options.TokenLifetime}) and at most {LongestRetention.TotalDays} days");
        if (options.DnsmasqHinfoFile is { Length: > 0 } hinfo && !IsPath(hinfo))
            failures.Add($"Pxe:DnsmasqHinfoFile: '{hinfo}' is not a plain path (letters, digits, '.', '_', '+', '-' and '/')");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPath(string path) =>
        InventoryPatterns.AbsolutePath().IsMatch(path) || InventoryPatterns.RelativePath().IsMatch(path);

    private static string? CallbackUrlError(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "is not an absolute http:// or https:// URL";
        if (!InventoryPatterns.Address().IsMatch(uri.Host.Trim('[', ']')))
            return "has a host that is not a plain name or address";
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || url.Any(char.IsWhiteSpace))
            return "must not carry a user, a query, a fragment or spaces: it goes into a kernel command line";
        return null;
    }
}
