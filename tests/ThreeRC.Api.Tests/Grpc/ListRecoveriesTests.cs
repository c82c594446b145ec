using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Grpc;

/// <summary>Seven incidents of db07, one a day, the third failed and the last one still open; seeded once.</summary>
public sealed class IncidentHistory : IAsyncLifetime
{
    public ApiHost Api { get; private set; } = null!;

    public DateTimeOffset FirstDay { get; } = DateTimeOffset.UtcNow.Date.AddDays(-10);

    public IReadOnlyList<Guid> Ids { get; } = [.. Enumerable.Range(0, 7).Select(_ => Guid.NewGuid())];

    public async Task InitializeAsync()
    {
        Api = await ApiHost.StartAsync();
        for (var day = 0; day < 7; day++)
        {
            var start = FirstDay.AddDays(day);
            await Api.PublishAsync(Sample.Started(Ids[day], "db07", start));
            if (day < 6)
                await Api.PublishAsync(Sample.Completed(Ids[day], "db07", day == 2 ? RecoveryOutcome.Failed : RecoveryOutcome.Recovered,
                    null, start, start.AddMinutes(5)));
        }

        await Api.DrainAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

public sealed class ListRecoveriesTests(IncidentHistory history) : IClassFixture<IncidentHistory>
{
    private readonly ApiHost _api = history.Api;
    private readonly DateTimeOffset _firstDay = history.FirstDay;
    private readonly IReadOnlyList<Guid> _ids = history.Ids;

    [Fact]
    public async Task Pages_follow_each_other_newest_first_until_the_token_runs_out()
    {
        var seen = new List<string>();
        var pages = 0;
        var request = new ListRecoveriesRequest { VmName = "db07", PageSize = 3 };
        do
        {
            var page = await _api.Recoveries.ListRecoveriesAsync(request);
            seen.AddRange(page.Recoveries.Select(recovery => recovery.Id));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(_ids).Select(id => id.ToString()), seen);
    }

    [Fact]
    public async Task The_state_and_start_time_filters_narrow_the_list()
    {
        var open = await _api.Recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { VmName = "db07", State = RecoveryState.Open });
        var failed = await _api.Recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { VmName = "db07", State = RecoveryState.Failed });
        var middle = await _api.Recoveries.ListRecoveriesAsync(new ListRecoveriesRequest
        {
            VmName = "db07",
            StartedAfter = _firstDay.AddDays(2).ToTimestamp(),
            StartedBefore = _firstDay.AddDays(4).ToTimestamp(),
        });

        Assert.Equal([_ids[6].ToString()], open.Recoveries.Select(recovery => recovery.Id));
        Assert.Equal([_ids[2].ToString()], failed.Recoveries.Select(recovery => recovery.Id));
        Assert.Equal([_ids[3].ToString(), _ids[2].ToString()], middle.Recoveries.Select(recovery => recovery.Id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public async Task A_page_size_out_of_range_is_InvalidArgument(int size)
    {
        var error = await Refused(new ListRecoveriesRequest { PageSize = size });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains($"page_size: {size} is not between 1 and 500", error.Status.Detail);
    }

    [Fact]
    public async Task A_page_token_that_was_not_issued_is_InvalidArgument()
    {
        var error = await Refused(new ListRecoveriesRequest { PageToken = "not-a-token" });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_token:", error.Status.Detail);
    }

    [Fact]
    public async Task A_page_token_reused_with_other_filters_is_InvalidArgument()
    {
        var first = await _api.Recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { VmName = "db07", PageSize = 2 });

        var error = await Refused(new ListRecoveriesRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("other filters", error.Status.Detail);
    }

    [Fact]
    public async Task A_time_range_that_ends_before_it_starts_is_InvalidArgument()
    {
        var error = await Refused(new ListRecoveriesRequest
        {
            StartedAfter = _firstDay.AddDays(3).ToTimestamp(),
            StartedBefore = _firstDay.AddDays(1).ToTimestamp(),
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("must be before started_before", error.Status.Detail);
    }

    [Fact]
    public async Task Filtering_by_a_VM_the_inventory_does_not_have_is_NotFound()
    {
        var error = await Refused(new ListRecoveriesRequest { VmName = "ghost" });

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private Task<RpcException> Refused(ListRecoveriesRequest request) =>
        Assert.ThrowsAsync<RpcException>(() => _api.Recoveries.ListRecoveriesAsync(request).ResponseAsync);
}
