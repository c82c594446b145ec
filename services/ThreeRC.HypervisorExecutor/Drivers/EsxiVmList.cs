using System.Text.RegularExpressions;

namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>
/// Reads <c>vim-cmd vmsvc/getallvms</c>: a header, then one line per VM, <c>Vmid Name [datastore] path guest version</c>.
/// A name is matched only when the datastore column follows it, so "gridce" never matches a VM called "gridce old".
/// </summary>
internal static class EsxiVmList
{
    private static readonly Regex AnyVm = new(@"^\s*[0-9]+\s+.+?\s+\[", RegexOptions.CultureInvariant);

    /// <summary>How many VMs the listing names.</summary>
    public static int Count(string listing) => listing.Split('\n').Count(AnyVm.IsMatch);

    public static IReadOnlyList<string> IdsOf(string listing, string name)
    {
        var line = new Regex($@"^\s*(?<id>[0-9]+)\s+{Regex.Escape(name)}\s+\[", RegexOptions.CultureInvariant);
        return listing.Split('\n')
            .Select(text => line.Match(text))
            .Where(match => match.Success)
            .Select(match => match.Groups["id"].Value)
            .ToList();
    }
}
