using Grpc.Core;
using Grpc.Net.Client;
using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.EndToEnd.Tests.Compose;

/// <summary>
/// docker-compose.yml started for real by infra/scripts/compose-test.sh on a private dockerd, with images built from
/// Debian's packages (no registry is reachable): the ha profile comes up healthy on one RabbitMQ cluster, and the default profile protects an
/// emulated data centre of real parts through a host failure.
/// </summary>
public sealed class ComposeTests(ComposeImages images) : IClassFixture<ComposeImages>
{
    [Fact]
    public async Task The_ha_profile_comes_up_healthy_on_one_rabbitmq_cluster_of_three_with_every_durable_queue_on_all_three_and_two_instances_of_every_service_answer_the_doctor()
    {
        images.AssertBuilt();

        var run = await ComposeScript.RunAsync("--no-build", "--ha");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task The_default_profile_hears_a_failed_host_go_silent_on_its_push_port_fences_it_through_its_BMC_and_restarts_its_VMs_on_the_other()
    {
        images.AssertBuilt();
        await using var centre = await EmulatedDataCentre.StartAsync(new Dictionary<string, string[]>
        {
            ["alfa01"] = ["vm01", "vm02"],
            ["alfa02"] = [],
        }, DataCentreTimers.ForTests, push: true);
        using var site = new TempDirectory("compose-site");
        await using var compose = await ComposeScript.HoldAsync(await ComposeSite.WriteAsync(centre, site));
        using var api = GrpcChannel.ForAddress(ComposeSite.ApiAddress);
        using var silences = new Events.EventsClient(api).WatchEvents(new WatchEventsRequest { Kinds = { "HostUnresponsive" } });
        await silences.ResponseHeadersAsync;
        var failedAt = DateTimeOffset.UtcNow;

        await centre.FailHostAsync("alfa01");

        foreach (var vm in new[] { "vm01", "vm02" })
        {
            var ended = await new Recoveries.RecoveriesClient(api).EndedAsync(vm, failedAt, TimeSpan.FromMinutes(3), () => Story(centre, compose));
            Assert.True(ended.State == RecoveryState.Recovered, $"{vm}'s incident ended {ended.State}: {ended}\n{Story(centre, compose)}");
            Assert.Equal("alfa02", centre.RunningOn(vm));
            var seen = await new Cluster.ClusterClient(api).GetVmAsync(new GetVmRequest { Name = vm });
            Assert.Equal((VmState.Up, "alfa02"), (seen.State, seen.CurrentHost));
        }

        // The monitor heard the machines' packets on its push port: it found alfa01 silent from them, not from the XML.
        using var read = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await silences.ResponseStream.MoveNext(read.Token) && !silences.ResponseStream.Current.Summary.StartsWith("alfa01 ", StringComparison.Ordinal))
        {
        }

        Assert.StartsWith("alfa01 stopped reporting: no Ganglia packet for", silences.ResponseStream.Current.Summary);
        Assert.Contains("0x20 set power 0", centre.Host("alfa01").Bmc.ChassisCalls());
        centre.AssertSafe();
        await compose.StopAsync(ComposeScript.TeardownBudget);
        Assert.True(compose.ExitCode == 0, $"compose-test.sh ended {compose.ExitCode}:\n{compose.Output}");
    }

    private static string Story(EmulatedDataCentre centre, ServiceProcess compose) =>
        $"machines:\n{string.Join('\n', centre.Notes)}\ncompose-test.sh:\n{compose.Output}";
}
