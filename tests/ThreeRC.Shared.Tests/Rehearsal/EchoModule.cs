using MassTransit;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Rehearsal;

namespace ThreeRC.Shared.Tests.Rehearsal;

public sealed record Shout(string Text);

public sealed record Echo(string Text, string DataDirectory, string StorageProvider);

/// <summary>A module whose consumer answers every <see cref="Shout"/> with an <see cref="Echo"/> naming its storage.</summary>
public sealed class EchoConsumer(Microsoft.Extensions.Configuration.IConfiguration configuration) : IConsumer<Shout>
{
    public Task Consume(ConsumeContext<Shout> context) =>
        context.Publish(new Echo(context.Message.Text, configuration["Storage:DataDirectory"] ?? "", configuration["Storage:Provider"] ?? ""));
}

/// <summary>Shouts once and keeps the echo it heard, or throws what the test gives it.</summary>
public sealed class EchoRehearsal(Exception? failure = null) : IRehearsal
{
    public Echo? Heard { get; private set; }

    public async Task PlayAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        if (failure is not null) throw failure;
        Heard = await stage.CueAsync<Echo>(new Shout("hello"), cancellationToken);
    }
}

public static class EchoModule
{
    public static ServiceModules AddEcho(this ServiceModules modules, EchoRehearsal rehearsal) =>
        modules.AddToBus(bus => bus.AddConsumer<EchoConsumer>(), rehearsal);
}
