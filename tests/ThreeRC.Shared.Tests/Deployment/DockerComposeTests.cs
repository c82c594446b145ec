using System.Text.RegularExpressions;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Deployment;

/// <summary>No Docker engine runs here; Debian's docker-compose still validates the file operators deploy.</summary>
public sealed class DockerComposeTests : IDisposable
{
    private readonly TempDirectory _folder = new("compose");

    [Fact]
    public async Task The_compose_file_is_valid_once_the_env_file_is_filled_in()
    {
        var env = File.ReadAllText(RepositoryRoot.Combine(".env.example"))
            .Replace("RABBITMQ_PASSWORD=\n", "RABBITMQ_PASSWORD=a-real-secret\n")
            .Replace("THREERC_API_KEY=\n", "THREERC_API_KEY=another-secret\n");

        var result = await ComposeConfig(_folder.Write(".env", env));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Without_a_broker_password_the_compose_file_refuses_to_start()
    {
        var result = await ComposeConfig(RepositoryRoot.Combine(".env.example"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("set RABBITMQ_PASSWORD in .env", result.Error);
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

    private static Task<CommandResult> ComposeConfig(string envFile) =>
        Command.RunAsync("docker-compose", ["--env-file", envFile, "-f", RepositoryRoot.Combine("docker-compose.yml"), "config", "-q"], TimeSpan.FromMinutes(1));
}
