using System.Text.RegularExpressions;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Deployment;

/// <summary>Debian's docker-compose reads the file operators deploy (ComposeTests in the end-to-end suite start it).</summary>
public sealed class DockerComposeTests : IDisposable
{
    private readonly TempDirectory _folder = new("compose");

    [Fact]
    public async Task The_compose_file_is_valid_with_the_env_example()
    {
        var result = await ComposeConfig(RepositoryRoot.Combine(".env.example"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Every_secret_is_a_file_of_the_secrets_folder_and_no_environment_variable_carries_one()
    {
        var config = (await ComposeConfig(RepositoryRoot.Combine(".env.example"), "--profile", "ha")).Output;

        var secretVariables = Regex.Matches(config, @"^\s+(\w*(?:PASS|KEY|COOKIE|Password|ApiKey)\w*): (.*)$", RegexOptions.Multiline).ToList();
        Assert.NotEmpty(secretVariables);
        Assert.All(secretVariables, variable =>
            Assert.True(variable.Groups[1].Value.EndsWith("_FILE", StringComparison.Ordinal) && variable.Groups[2].Value.StartsWith("/run/secrets/", StringComparison.Ordinal),
                $"{variable.Value.Trim()}: a secret belongs in a file of THREERC_SECRETS_DIR"));
        Assert.DoesNotContain("Password=", config);
        foreach (var secret in new[] { "rabbitmq-password", "rabbitmq-erlang-cookie", "api-key", "postgres-password" })
            Assert.Contains($"file: /etc/threerc/secrets/{secret}", config);
        Assert.Contains("target: Api__ApiKey", config);
        Assert.Contains("target: Bus__RabbitMq__Password", config);
    }

    [Fact]
    public async Task Without_a_secrets_folder_the_compose_file_refuses_to_start()
    {
        var env = File.ReadAllText(RepositoryRoot.Combine(".env.example")).Replace("THREERC_SECRETS_DIR=/etc/threerc/secrets\n", "THREERC_SECRETS_DIR=\n");

        var result = await ComposeConfig(_folder.Write(".env", env));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("set THREERC_SECRETS_DIR in .env", result.Error);
    }

    [Fact]
    public void The_env_example_names_every_variable_the_compose_file_reads_and_no_other()
    {
        var read = Regex.Matches(File.ReadAllText(RepositoryRoot.Combine("docker-compose.yml")), @"\$\{([A-Z0-9_]+)")
            .Select(match => match.Groups[1].Value).ToHashSet();
        var offered = Regex.Matches(File.ReadAllText(RepositoryRoot.Combine(".env.example")), @"^#?([A-Z0-9_]+)=", RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value).Where(name => name != "COMPOSE_PROJECT_NAME").ToHashSet();

        Assert.Empty(read.Except(offered));
        Assert.Empty(offered.Except(read));
    }

    public void Dispose() => _folder.Dispose();

    private static Task<CommandResult> ComposeConfig(string envFile, params string[] options) =>
        Command.RunAsync("docker-compose", ["--env-file", envFile, "-f", RepositoryRoot.Combine("docker-compose.yml"), .. options, "config"], TimeSpan.FromMinutes(1));
}
