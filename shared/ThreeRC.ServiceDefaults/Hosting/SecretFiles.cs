using Microsoft.Extensions.Configuration;

namespace ThreeRC.ServiceDefaults.Hosting;

/// <summary>
/// Secrets as files, one per configuration key with "__" for ":" (a file named <c>Bus__RabbitMq__Password</c> sets
/// Bus:RabbitMq:Password): docker compose's secrets in /run/secrets, or systemd's credentials (LoadCredential=, in
/// $CREDENTIALS_DIRECTORY). They win over every other source, so a password never has to be an environment variable.
/// </summary>
public static class SecretFiles
{
    public const string ComposeDirectory = "/run/secrets";

    /// <summary>Where this process's secret files are: systemd's credentials when it gives any, else compose's.</summary>
    public static string Directory => Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials ? credentials : ComposeDirectory;

    /// <summary>Adds the files of <paramref name="directory"/> (nothing when it does not exist), their trailing line break dropped.</summary>
    public static IConfigurationBuilder AddSecretFiles(this IConfigurationBuilder configuration, string directory) =>
        configuration.AddKeyPerFile(directory, optional: true);
}
