using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ipmi;

/// <summary>IPMI fencing through ipmitool against a real ipmi_sim BMC on loopback.</summary>
public sealed class IpmiFencingTests() : LabTests(hosts: 1)
{
    private IpmiSimulator _bmc = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bmc = await IpmiSimulator.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_bmc is not null) await _bmc.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Power_off_is_confirmed_by_the_power_status()
    {
        using var executor = Lab.Executor(Inventory($"passwordFile: {_bmc.PasswordFile}"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.False(_bmc.PowerIsOn);
        var calls = _bmc.ChassisCalls().ToList();
        var powerOff = calls.IndexOf("0x20 set power 0");
        Assert.True(powerOff >= 0, string.Join(", ", calls));
        Assert.Contains("0x20 get power", calls.Skip(powerOff + 1));
        var ipmitool = $"local: ipmitool -I lan -H 127.0.0.1 -p {_bmc.Port} -U admin -f {_bmc.PasswordFile} chassis power";
        Assert.Equal([$"{ipmitool} off", $"{ipmitool} status"], outcome.Commands);
        Assert.Contains("Chassis Power is off", (await _bmc.IpmitoolAsync("chassis", "power", "status")).Output);
    }

    [Fact]
    public async Task The_vms_of_one_lost_host_fencing_it_at_once_share_one_power_off_and_each_names_the_commands()
    {
        var inventory = new TestInventory()
            .Host("alfa01", Lab[0], fencing: Bmc($"passwordFile: {_bmc.PasswordFile}"))
            .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"))
            .Vm("gridui", "alfa01", Lab.LibvirtDefinition("gridui"))
            .Vm("gridwn", "alfa01", Lab.LibvirtDefinition("gridwn"))
            .Yaml;
        using var executor = Lab.Executor(inventory);

        var outcomes = await Task.WhenAll(new[] { "gridce", "gridui", "gridwn" }.Select(vm => executor.FenceAsync(vm, "alfa01", FenceMethod.Ipmi)));

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Reason));
        Assert.False(_bmc.PowerIsOn);
        Assert.Single(_bmc.ChassisCalls(), call => call == "0x20 set power 0");
        var ipmitool = $"local: ipmitool -I lan -H 127.0.0.1 -p {_bmc.Port} -U admin -f {_bmc.PasswordFile} chassis power";
        Assert.Single(outcomes, outcome => outcome.Commands.SequenceEqual([$"{ipmitool} off", $"{ipmitool} status"]));
        Assert.All(outcomes.Where(outcome => !outcome.Commands[0].StartsWith('(')), outcome => Assert.Equal(2, outcome.Commands.Count));
        Assert.All(outcomes.Where(outcome => outcome.Commands[0].StartsWith('(')),
            outcome => Assert.Equal([$"(joined the fence under way) {ipmitool} off", $"(joined the fence under way) {ipmitool} status"], outcome.Commands));
    }

    [Fact]
    public async Task A_fence_asked_for_after_the_chassis_was_read_as_off_asks_the_bmc_itself()
    {
        using var executor = Lab.Executor(Inventory($"passwordFile: {_bmc.PasswordFile}"));

        var first = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);
        var second = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.True(first.Succeeded, first.Reason);
        Assert.True(second.Succeeded, second.Reason);
        Assert.Equal(2, _bmc.ChassisCalls().Count(call => call == "0x20 set power 0"));
        Assert.DoesNotContain(second.Commands, line => line.StartsWith('('));
    }

    [Fact]
    public async Task Power_off_over_lanplus_uses_the_configured_cipher_suite()
    {
        using var executor = Lab.Executor(Inventory($"passwordFile: {_bmc.PasswordFile}", "lanplus"), ("Executor:Ipmi:CipherSuite", "3"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.False(_bmc.PowerIsOn);
        Assert.All(outcome.Commands, line => Assert.StartsWith($"local: ipmitool -I lanplus -H 127.0.0.1 -p {_bmc.Port} -U admin -C 3 -f ", line));
    }

    [Fact]
    public async Task A_cipher_suite_the_inventory_names_for_the_bmc_overrides_the_configured_one()
    {
        using var executor = Lab.Executor(Inventory($"passwordFile: {_bmc.PasswordFile}", "lanplus", cipherSuite: "3"), ("Executor:Ipmi:CipherSuite", "17"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.False(_bmc.PowerIsOn);
        Assert.All(outcome.Commands, line => Assert.StartsWith($"local: ipmitool -I lanplus -H 127.0.0.1 -p {_bmc.Port} -U admin -C 3 -f ", line));
    }

    [Fact]
    public async Task A_password_from_the_environment_reaches_ipmitool_but_never_its_command_line()
    {
        var variable = $"THREERC_TEST_BMC_{Guid.NewGuid():N}".ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, _bmc.Password);
        using var executor = Lab.Executor(Inventory($"passwordVariable: {variable}"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.False(_bmc.PowerIsOn);
        Assert.All(outcome.Commands, line => Assert.Contains(" -E chassis power", line));
        Assert.All(outcome.Commands, line => Assert.DoesNotContain(_bmc.Password, line));
    }

    [Fact]
    public async Task Wrong_credentials_give_a_failed_fencing_and_the_host_stays_on()
    {
        var wrong = Lab.Write("wrong-password", "not-the-password");
        using var executor = Lab.Executor(Inventory($"passwordFile: {wrong}"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("BMC 127.0.0.1: power off failed with exit status 1:", outcome.Reason);
        Assert.False(outcome.MayHaveTakenEffect, "a power off the BMC refused did nothing");
        Assert.True(_bmc.PowerIsOn);
        Assert.DoesNotContain(_bmc.ChassisCalls(), call => call.Contains("set power", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chassis_that_stays_on_is_a_failed_fencing_after_the_power_off_timeout()
    {
        _bmc.KeepPowerOn();
        using var executor = Lab.Executor(Inventory($"passwordFile: {_bmc.PasswordFile}"), ("Executor:Ipmi:PowerOffTimeout", "00:00:01"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.False(outcome.Succeeded);
        var powerOff = $"local: ipmitool -I lan -H 127.0.0.1 -p {_bmc.Port} -U admin -f {_bmc.PasswordFile} chassis power off";
        Assert.Equal($"BMC 127.0.0.1: the chassis did not report power off within 1 s (last answer: Chassis Power is on); {powerOff} took effect", outcome.Reason);
        Assert.True(outcome.MayHaveTakenEffect, "the BMC accepted the power off");
        Assert.True(outcome.Commands.Count(line => line.EndsWith("chassis power status", StringComparison.Ordinal)) >= 2);
        Assert.True(_bmc.PowerIsOn);
    }

    [Fact]
    public async Task A_missing_password_variable_is_a_failed_fencing_that_names_it()
    {
        using var executor = Lab.Executor(Inventory("passwordVariable: THREERC_TEST_NOT_SET"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.False(outcome.Succeeded);
        Assert.Equal("the environment variable THREERC_TEST_NOT_SET, which holds the BMC password, is not set", outcome.Reason);
        Assert.True(_bmc.PowerIsOn);
    }

    [Fact]
    public async Task A_host_without_ipmi_in_the_inventory_is_not_fenced_that_way()
    {
        var inventory = new TestInventory().Host("alfa01", Lab[0]).Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce")).Yaml;
        using var executor = Lab.Executor(inventory);

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Ipmi);

        Assert.False(outcome.Succeeded);
        Assert.Equal("host alfa01 has no Ipmi fencing method in the inventory", outcome.Reason);
        Assert.DoesNotContain(_bmc.ChassisCalls(), call => call.Contains("set power", StringComparison.Ordinal));
    }

    private string Inventory(string password, string lanInterface = "lan", string? cipherSuite = null) => new TestInventory()
        .Host("alfa01", Lab[0], fencing: Bmc(password, lanInterface, cipherSuite))
        .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"))
        .Yaml;

    /// <summary>ipmi_sim's BMC; over lan (IPMI 1.5, no integrity protection) only as the inventory accepts it with insecure: true.</summary>
    private string Bmc(string password, string lanInterface = "lan", string? cipherSuite = null) =>
        $"- method: ipmi\n  address: {_bmc.Address}\n  port: {_bmc.Port}\n  interface: {lanInterface}\n  user: {_bmc.User}\n  {password}"
        + (lanInterface == "lan" ? "\n  insecure: true" : "")
        + (cipherSuite is null ? "" : $"\n  cipherSuite: {cipherSuite}");
}
