using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreeRC.Persistence.Sagas;

/// <summary>How saga instances are written to the <c>data</c> column: readable JSON, enums by name.</summary>
internal static class SagaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
