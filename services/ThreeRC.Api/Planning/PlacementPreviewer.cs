using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.Options;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Options;
using ThreeRC.Contracts.Placement;

namespace ThreeRC.Api.Planning;

/// <summary>Asks placement where it would put a VM now, reserving nothing.</summary>
public sealed class PlacementPreviewer(IRequestClient<PreviewPlacement> client, IOptions<ApiOptions> options)
{
    public async Task<PlacementPreview> PreviewAsync(string vmName, bool mustRelocate, CancellationToken cancellationToken)
    {
        var timeout = options.Value.PlacementTimeout;
        try
        {
            var response = await client.GetResponse<PlacementPreview>(
                new PreviewPlacement(vmName, mustRelocate), cancellationToken, RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
            return response.Message;
        }
        catch (RequestTimeoutException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"placement did not answer within {Durations.Format(timeout)}: is the placement service running? The plan needs its preview"));
        }
    }
}
