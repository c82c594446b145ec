using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.Shared.Tests.Messaging;

public sealed class PublishLimitTests
{
    [Fact]
    public async Task A_publish_the_broker_never_confirms_ends_in_a_timeout_that_says_it_is_published_again()
    {
        var neverConfirmed = new TaskCompletionSource().Task;

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => neverConfirmed.WithinPublishLimit(CancellationToken.None, TimeSpan.FromMilliseconds(50)));

        Assert.Equal("the broker did not confirm a publish within 0.05 s; it is published again next round", error.Message);
    }

    [Fact]
    public async Task A_confirmed_publish_passes_and_a_failed_one_keeps_its_own_error()
    {
        await Task.CompletedTask.WithinPublishLimit(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Task.FromException(new InvalidOperationException("broker unreachable")).WithinPublishLimit(CancellationToken.None));
        Assert.Equal("broker unreachable", refused.Message);
    }
}
