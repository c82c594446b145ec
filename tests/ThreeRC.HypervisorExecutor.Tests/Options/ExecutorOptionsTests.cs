using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Options;

/// <summary>The Executor section is checked when the host starts; an error names the key and what is wrong.</summary>
public sealed class ExecutorOptionsTests : IDisposable
{
    private readonly TempDirectory _folder = new("executor-options");

    [Fact]
    public void A_known_hosts_file_that_does_not_exist_stops_the_start()
    {
        var errors = Errors(Inventory(keyFile: null), ("Executor:Ssh:KnownHostsFile", "/nonexistent/known_hosts"), ("Executor:Ssh:DefaultKeyFile", Key()));

        Assert.Contains("Executor:Ssh:KnownHostsFile: /nonexistent/known_hosts does not exist", errors);
    }

    [Fact]
    public void A_default_key_that_does_not_exist_stops_the_start()
    {
        var errors = Errors(Inventory(keyFile: null), ("Executor:Ssh:KnownHostsFile", KnownHosts()), ("Executor:Ssh:DefaultKeyFile", "/nonexistent/id_ed25519"));

        Assert.Contains("Executor:Ssh:DefaultKeyFile: /nonexistent/id_ed25519 does not exist", errors);
    }

    [Fact]
    public void A_known_hosts_line_that_cannot_be_read_is_named_with_its_line()
    {
        var knownHosts = _folder.Write("known_hosts", "# pinned keys\n[10.0.0.11]:22 ssh-ed25519 not-base64!\n");

        var errors = Errors(Inventory(keyFile: null), ("Executor:Ssh:KnownHostsFile", knownHosts), ("Executor:Ssh:DefaultKeyFile", Key()));

        Assert.Contains(errors, e => e.StartsWith($"Executor:Ssh:KnownHostsFile: {knownHosts}:2: not a known_hosts entry", StringComparison.Ordinal));
    }

    [Fact]
    public void Timeouts_and_limits_must_make_sense()
    {
        var errors = Errors(Inventory(keyFile: null),
            ("Executor:Ssh:KnownHostsFile", KnownHosts()), ("Executor:Ssh:DefaultKeyFile", Key()),
            ("Executor:Ssh:CommandTimeout", "00:00:00"), ("Executor:Ssh:MaxConcurrencyPerHost", "0"), ("Executor:Ssh:HostCheckInterval", "-00:01:00"));

        Assert.Contains("Executor:Ssh:CommandTimeout: must be a positive duration such as 00:00:10 (was 00:00:00)", errors);
        Assert.Contains("Executor:Ssh:MaxConcurrencyPerHost: must be between 1 and 64", errors);
        Assert.Contains("Executor:Ssh:HostCheckInterval: must not be negative (00:00:00 turns the check off)", errors);
    }

    [Fact]
    public void Cipher_suite_0_for_every_bmc_and_a_command_record_kept_for_no_time_stop_the_start()
    {
        var errors = Errors(Inventory(keyFile: null), ("Executor:Ssh:KnownHostsFile", KnownHosts()), ("Executor:Ssh:DefaultKeyFile", Key()),
            ("Executor:Ipmi:CipherSuite", "0"), ("Executor:CommandRetention", "00:00:00"), ("Executor:CommandPruneInterval", "-01:00:00"));

        Assert.Contains(
            "Executor:Ipmi:CipherSuite: 0 authenticates nothing and is refused here; give cipherSuite: 0 and insecure: true to the BMCs that need it in the inventory",
            errors);
        Assert.Contains("Executor:CommandRetention: must be a positive duration such as 00:00:10 (was 00:00:00)", errors);
        Assert.Contains("Executor:CommandPruneInterval: must be a positive duration such as 00:00:10 (was -01:00:00)", errors);
    }

    [Fact]
    public void A_key_exchange_method_that_ssh_net_does_not_offer_stops_the_start()
    {
        var errors = Errors(Inventory(keyFile: null), ("Executor:Ssh:KnownHostsFile", KnownHosts()), ("Executor:Ssh:DefaultKeyFile", Key()),
            ("Executor:Ssh:KeyExchangeAlgorithms:0", "curve25519-sha256"), ("Executor:Ssh:KeyExchangeAlgorithms:1", "curve448-sha9"));

        var error = Assert.Single(errors);
        Assert.StartsWith("Executor:Ssh:KeyExchangeAlgorithms: curve448-sha9 is not a key exchange method SSH.NET offers (mlkem768x25519-sha256, ", error);
        Assert.Contains(" curve25519-sha256, ", error);
    }

    [Fact]
    public void A_valid_section_starts()
    {
        Assert.Empty(Errors(Inventory(keyFile: null), ("Executor:Ssh:KnownHostsFile", KnownHosts()), ("Executor:Ssh:DefaultKeyFile", Key())));
    }

    [Fact]
    public void The_sample_inventory_starts_with_no_ssh_files_at_all_as_the_all_in_one_node_does()
    {
        var sample = File.ReadAllText(ThreeRC.Testing.RepositoryRoot.Combine("infra", "inventory.sample.yaml"));

        Assert.Empty(Errors(sample));
    }

    public void Dispose() => _folder.Dispose();

    private string KnownHosts() => _folder.Write("known_hosts", "10.0.0.11 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE1hY2hpbmVzIGFyZSBub3QgcGVvcGxlISEhISE=\n");

    private string Key() => _folder.Write("id_ed25519", "a key file; its format is checked when it is used\n");

    private static string Inventory(string? keyFile) =>
        new TestInventory().Host("alfa01", "10.0.0.11", 22, "threerc", keyFile: keyFile).Vm("gridce", "alfa01", "/srv/vm/gridce.xml", keyFile: keyFile).Yaml;

    private static IReadOnlyList<string> Errors(string inventory, params (string Key, string? Value)[] configuration)
    {
        using var executor = Harness.Executor.Create(inventory, configuration.ToDictionary(pair => pair.Key, pair => pair.Value));
        try
        {
            _ = executor.Options.Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToList();
        }
    }
}
