namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>One line of a known_hosts file.</summary>
/// <param name="Line">Its line number.</param>
/// <param name="Revoked">Marked <c>@revoked</c>: the key is refused wherever it is offered.</param>
/// <param name="Hosts">The hosts it is for.</param>
/// <param name="KeyType">The key type, such as ssh-ed25519.</param>
/// <param name="Key">The public key blob, as the server sends it.</param>
public sealed record KnownHostEntry(int Line, bool Revoked, HostPattern Hosts, string KeyType, byte[] Key);
