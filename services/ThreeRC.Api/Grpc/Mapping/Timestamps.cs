using Google.Protobuf.WellKnownTypes;

namespace ThreeRC.Api.Grpc.Mapping;

public static class Timestamps
{
    /// <summary>Null stays null: the field is left out of the message.</summary>
    public static Timestamp? ToTimestamp(this DateTimeOffset? time) => time?.ToTimestamp();
}
