using System.Text.Json;
using Grpc.Core;
using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.EndToEnd.Tests.Foundation;

/// <summary>
/// threerc doctor against the six services and the real parts they use: sshd with pinned keys, the virsh look-alike,
/// ipmi_sim BMCs, gmond, the TFTP root and the provisioner's call-back, SQLite stores, RabbitMQ.
/// </summary>
public sealed class DoctorTests : IAsyncLifetime
{
    private const string ApiKey = "doctor-test-key-0123456789";
    private static readonly string[] ModulesWithStores = ["orchestrator", "placement", "executor", "pxe-provisioner", "api"];

    private ProtectedDataCentre? _stack;

    private ProtectedDataCentre Stack => _stack!;

    public async Task InitializeAsync() =>
        _stack = await ProtectedDataCentre.StartAsync(new Dictionary<string, string[]>
        {
            ["alfa01"] = ["vm31"],
            ["alfa02"] = ["vm32"],
        }, DataCentreTimers.ForTests, settings: new Dictionary<string, string?> { ["Api__ApiKey"] = ApiKey });

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }

    [Fact]
    public async Task Doctor_passes_on_a_healthy_site_then_names_each_check_a_failed_host_breaks()
    {
        var healthy = await DoctorAsync();
        Assert.True(healthy.Result.ExitCode == 0, healthy.Result.ToString());
        Assert.Equal(6, healthy.Processes.Count);
        Assert.All(ModulesWithStores, module => Assert.Contains(healthy.Findings, finding => finding.Module == module && finding.Check == "store" && finding.Passed));
        foreach (var host in new[] { "alfa01", "alfa02" })
        {
            healthy.AssertPassed("ssh login", $"host {host}", "host key pinned, key accepted");
            healthy.AssertPassed("hypervisor", $"host {host}", "Libvirt lists");
            healthy.AssertPassed("bmc power status", $"host {host} BMC", "Chassis Power is on");
            healthy.AssertPassed("in ganglia", $"host {host}", "heard");
        }

        foreach (var vm in new[] { "vm31", "vm32" })
        {
            healthy.AssertPassed("guest ssh login", $"VM {vm}", "host key pinned, key accepted");
            healthy.AssertPassed("in ganglia", $"VM {vm}", "heard");
        }

        healthy.AssertPassed("ganglia source", "127.0.0.1:", "answers");
        healthy.AssertPassed("tftp root writable", Path.Combine(Stack.DataCentre.Tftp.TftpRoot, "pxelinux.cfg"), "written and removed");
        healthy.AssertPassed("call-back url", "http://", "answered 403");
        Assert.Empty(Directory.EnumerateFiles(Stack.DataCentre.Tftp.TftpRoot, ".threerc-preflight*", SearchOption.AllDirectories));

        await MaintenanceAsync("alfa02");
        await Stack.DataCentre.FailHostAsync("alfa02");
        var broken = await Eventually.Until(DoctorAsync, doctor => doctor.Failed("in ganglia", "host alfa02"), TimeSpan.FromSeconds(60),
            "doctor finds alfa02 silent in Ganglia");
        Assert.True(broken.Result.ExitCode == 4, broken.Result.ToString());
        Assert.True(broken.Failed("ssh login", "host alfa02"), broken.Result.ToString());
        Assert.All(broken.Findings.Where(finding => !finding.Passed), finding =>
            Assert.True(finding.Subject.Contains("alfa02") || finding.Subject.Contains("vm32"), $"only alfa02 and its VM fail: {finding}"));
        broken.AssertPassed("ssh login", "host alfa01", "key accepted");
        Assert.Contains("FAILED", (await Cli.RunAsync(["doctor", "--wait", "30", "--api", Stack.Services.ApiAddress], ApiKey)).Output);
    }

    [Fact]
    public async Task Doctor_needs_the_api_key_and_checks_its_wait()
    {
        var refused = await Cli.RunAsync(["doctor", "--api", Stack.Services.ApiAddress]);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("key", refused.Error);
        var wrongWait = await Cli.RunAsync(["doctor", "--wait", "0", "--api", Stack.Services.ApiAddress], ApiKey);
        Assert.True(wrongWait.ExitCode == 2, wrongWait.ToString());
        Assert.Contains("--wait", wrongWait.Error);
    }

    private async Task MaintenanceAsync(string host)
    {
        var operations = new Operations.OperationsClient(Stack.Api);
        await operations.SetMaintenanceAsync(new SetMaintenanceRequest
        {
            Target = MaintenanceTarget.Host, Name = host, InMaintenance = true, Reason = "doctor test", RequestedBy = "alice",
        }, new Metadata { { "x-api-key", ApiKey } });
        var cluster = new Cluster.ClusterClient(Stack.Api);
        await Eventually.Until(async () => (await cluster.ListHostsAsync(new ListHostsRequest())).Hosts.Single(found => found.Name == host).Maintenance,
            maintenance => maintenance is not null, TimeSpan.FromSeconds(30), $"{host} in maintenance in the Api");
    }

    private async Task<Doctor> DoctorAsync()
    {
        var result = await Cli.RunAsync(["doctor", "-o", "json", "--wait", "30", "--api", Stack.Services.ApiAddress], ApiKey);
        return Doctor.Parse(result);
    }

    private sealed record Finding(string Module, string Check, string Subject, bool Passed, string Detail);

    private sealed record Doctor(CommandResult Result, IReadOnlyList<string> Processes, IReadOnlyList<Finding> Findings)
    {
        public static Doctor Parse(CommandResult result)
        {
            using var json = JsonDocument.Parse(result.Output);
            var answers = json.RootElement.GetProperty("answers").EnumerateArray().ToList();
            Assert.Empty(json.RootElement.GetProperty("missingModules").EnumerateArray());
            return new Doctor(
                result,
                answers.Select(answer => answer.GetProperty("process").GetString()!).ToList(),
                answers.SelectMany(answer => answer.GetProperty("findings").EnumerateArray()).Select(finding => new Finding(
                    finding.GetProperty("module").GetString()!,
                    finding.GetProperty("check").GetString()!,
                    finding.GetProperty("subject").GetString()!,
                    finding.GetProperty("passed").GetBoolean(),
                    finding.GetProperty("detail").GetString()!)).ToList());
        }

        public bool Failed(string check, string subject) =>
            Findings.Any(finding => finding.Check == check && finding.Subject == subject && !finding.Passed);

        public void AssertPassed(string check, string subject, string detail)
        {
            var found = Findings.Where(finding => finding.Check == check && finding.Subject.StartsWith(subject, StringComparison.Ordinal)).ToList();
            Assert.True(found.Count > 0 && found.All(finding => finding.Passed && finding.Detail.Contains(detail, StringComparison.Ordinal)),
                $"{check} of {subject}: {string.Join("; ", found)}\n{Result}");
        }
    }
}
