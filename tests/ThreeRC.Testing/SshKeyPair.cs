namespace ThreeRC.Testing;

/// <summary>An ed25519 key pair made by ssh-keygen: the private key file and the public key line.</summary>
public sealed record SshKeyPair(string PrivateKeyFile, string PublicKey)
{
    /// <summary>The key's blob as base64, the second field of the public key line.</summary>
    public string Base64 => PublicKey.Split(' ')[1];

    public static async Task<SshKeyPair> CreateAsync(string directory, string name)
    {
        var file = Path.Combine(directory, name);
        var result = await Command.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file], TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0) throw new InvalidOperationException($"ssh-keygen failed: {result}");
        return new SshKeyPair(file, File.ReadAllText(file + ".pub").Trim());
    }
}
