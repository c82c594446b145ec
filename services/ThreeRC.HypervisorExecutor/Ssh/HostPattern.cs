using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// The host field of a known_hosts line: a hashed name (<c>|1|salt|hash</c>, HMAC-SHA1 of the name keyed by the
/// salt) or a comma-separated list of names with <c>*</c> and <c>?</c> wildcards and <c>!</c> negations.
/// </summary>
public sealed class HostPattern
{
    private readonly byte[]? _salt;
    private readonly byte[]? _hash;
    private readonly List<(Regex Pattern, bool Negated)> _patterns = [];

    private HostPattern(string field)
    {
        if (field.StartsWith("|1|", StringComparison.Ordinal))
        {
            var parts = field.Split('|');
            if (parts.Length != 4) throw new FormatException($"'{field}' is not a hashed host name (|1|salt|hash)");
            _salt = Convert.FromBase64String(parts[2]);
            _hash = Convert.FromBase64String(parts[3]);
            return;
        }

        foreach (var item in field.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var negated = item.StartsWith('!');
            var glob = Regex.Escape(negated ? item[1..] : item).Replace(@"\*", ".*").Replace(@"\?", ".");
            _patterns.Add((new Regex($"^{glob}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), negated));
        }
    }

    /// <exception cref="FormatException">The field is not a host pattern.</exception>
    public static HostPattern Parse(string field) => new(field);

    /// <summary>Whether the pattern names <paramref name="name"/> (a host, or <c>[host]:port</c> for ports other than 22).</summary>
    public bool Matches(string name)
    {
        if (_salt is not null)
            return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(_salt, Encoding.ASCII.GetBytes(name)), _hash);
        return _patterns.Any(p => !p.Negated && p.Pattern.IsMatch(name)) && !_patterns.Any(p => p.Negated && p.Pattern.IsMatch(name));
    }
}
