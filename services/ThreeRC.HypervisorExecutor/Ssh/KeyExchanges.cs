using ConnectionInfo = Renci.SshNet.ConnectionInfo;
using Renci.SshNet;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>The key exchange methods SSH.NET offers, and narrowing a connection to the configured ones.</summary>
internal static class KeyExchanges
{
    public static IReadOnlyList<string> Offered { get; } =
        new ConnectionInfo("localhost", "nobody", new NoneAuthenticationMethod("nobody")).KeyExchangeAlgorithms.Keys.ToList();

    /// <summary>Offers exactly <paramref name="configured"/>, in that order; an empty list leaves SSH.NET's own.</summary>
    public static void OfferOnly(ConnectionInfo info, IReadOnlyList<string> configured)
    {
        if (configured.Count == 0) return;
        var factories = info.KeyExchangeAlgorithms.ToDictionary();
        info.KeyExchangeAlgorithms.Clear();
        foreach (var name in configured) info.KeyExchangeAlgorithms.Add(name, factories[name]);
    }
}
