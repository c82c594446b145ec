using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.HypervisorExecutor.Health;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ipmi;

/// <summary>The executor asks every BMC its power status ahead of any fence, against a real ipmi_sim on loopback.</summary>
public sealed class BmcCheckTests() : LabTests(hosts: 1)
{
    private IpmiSimulator _bmc = null!;
    private TempDirectory _secrets = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bmc = await IpmiSimulator.StartAsync();
        _secrets = new TempDirectory("bmc-secrets");
    }

    public override async Task DisposeAsync()
    {
        if (_bmc is not null) await _bmc.DisposeAsync();
        _secrets?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_bmc_that_answers_is_healthy_and_asked_nothing_but_its_power_status()
    {
        using var executor = Lab.Executor(Inventory(_bmc.PasswordFile));

        var failures = await executor.BmcCheck.CheckAsync(CancellationToken.None);
        var health = await new BmcsHealthCheck(executor.BmcCheck).CheckHealthAsync(new HealthCheckContext());

        Assert.Empty(failures);
        Assert.Equal((HealthStatus.Healthy, "all 1 BMCs answer"), (health.Status, health.Description));
        Assert.True(_bmc.PowerIsOn);
        Assert.Equal(["0x20 get power"], _bmc.ChassisCalls().Distinct());
    }

    [Fact]
    public async Task A_bmc_refusing_the_password_degrades_the_executor_naming_it()
    {
        using var executor = Lab.Executor(Inventory(_secrets.Write("wrong-password", "not-the-password\n")));

        var failures = await executor.BmcCheck.CheckAsync(CancellationToken.None);
        var health = await new BmcsHealthCheck(executor.BmcCheck).CheckHealthAsync(new HealthCheckContext());

        var bmc = $"BMC 127.0.0.1:{_bmc.Port} of alfa01";
        Assert.Equal([bmc], failures.Keys);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith($"{bmc} fails: ", health.Description);
        Assert.True(_bmc.PowerIsOn);
    }

    private string Inventory(string passwordFile) => new TestInventory()
        .Host("alfa01", Lab[0], fencing:
            $"- method: ipmi\n  address: {_bmc.Address}\n  port: {_bmc.Port}\n  interface: lan\n  user: {_bmc.User}\n  passwordFile: {passwordFile}\n  insecure: true")
        .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"))
        .Yaml;
}
