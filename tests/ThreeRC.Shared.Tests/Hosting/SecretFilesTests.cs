using Microsoft.Extensions.Configuration;
using ThreeRC.ServiceDefaults.Hosting;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Hosting;

/// <summary>Secrets as files named by configuration key, as compose's secrets and systemd's credentials give them.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly TempDirectory _secrets = new("secrets");

    [Fact]
    public void A_file_sets_the_key_its_name_spells_and_wins_over_the_environment()
    {
        _secrets.Write("Bus__RabbitMq__Password", "from-the-file\n");
        _secrets.Write("Api__ApiKey", "0123456789abcdef0123");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:RabbitMq:Password"] = "from-the-environment" })
            .AddSecretFiles(_secrets.Path)
            .Build();

        Assert.Equal("from-the-file", configuration["Bus:RabbitMq:Password"]);
        Assert.Equal("0123456789abcdef0123", configuration["Api:ApiKey"]);
    }

    [Fact]
    public void A_missing_folder_adds_nothing()
    {
        var configuration = new ConfigurationBuilder().AddSecretFiles(_secrets.Combine("absent")).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    public void Dispose() => _secrets.Dispose();
}
