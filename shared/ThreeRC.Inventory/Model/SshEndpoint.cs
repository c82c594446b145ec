namespace ThreeRC.Inventory.Model;

/// <summary>How ThreeRC logs in to a machine over SSH.</summary>
/// <param name="User">The login user.</param>
/// <param name="Port">The SSH port.</param>
/// <param name="KeyFile">The private key file; null means the executor's default key.</param>
public sealed record SshEndpoint(string User, int Port, string? KeyFile);
