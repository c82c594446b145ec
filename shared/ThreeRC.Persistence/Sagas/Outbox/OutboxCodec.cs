using System.Text.Json;

namespace ThreeRC.Persistence.Sagas.Outbox;

/// <summary>How an outbox message is kept in its row: its type by name, its body as JSON.</summary>
internal static class OutboxCodec
{
    public static string TypeName(object message) => $"{message.GetType().FullName}, {message.GetType().Assembly.GetName().Name}";

    public static string Body(object message) => JsonSerializer.Serialize(message, message.GetType(), SagaJson.Options);

    public static object Read(string typeName, string body)
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"the outbox holds a message of unknown type '{typeName}'");
        return JsonSerializer.Deserialize(body, type, SagaJson.Options)
            ?? throw new InvalidOperationException($"the outbox holds an empty {typeName}");
    }
}
