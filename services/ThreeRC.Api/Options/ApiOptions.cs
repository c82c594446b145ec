namespace ThreeRC.Api.Options;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The key operator commands must present in the x-api-key metadata. No default: without a key they are refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the key (its first line), instead of <see cref="ApiKey"/>.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>Whether the read calls need the key too.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>The port of the host's URLs on which Kestrel speaks cleartext HTTP/2 (gRPC); the others speak HTTP/1.1.</summary>
    public int GrpcPort { get; set; } = 5087;

    /// <summary>How long PlanRecovery waits for placement's preview.</summary>
    public TimeSpan PlacementTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many events a WatchEvents client may fall behind before its stream is ended.</summary>
    public int WatchBufferSize { get; set; } = 1000;
}
