using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using ThreeRC.PxeProvisioner.Provisioning;

namespace ThreeRC.PxeProvisioner.Http;

/// <summary>
/// The installer's side of a reinstall. Both calls carry the one-time token as "Authorization: Bearer TOKEN"; a
/// missing, wrong, used or expired token is answered 403 and changes nothing.
/// </summary>
internal static class PxeEndpoints
{
    private const string BearerPrefix = "Bearer ";

    public static IEndpointRouteBuilder MapPxeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(PxeRoutes.InstallConfig, ReadInstallConfigAsync);
        app.MapPost(PxeRoutes.InstallCompleted, CompleteInstallAsync);
        return app;
    }

    private static async Task<IResult> ReadInstallConfigAsync(string vm, HttpRequest request, InstallCallbacks callbacks, CancellationToken cancellationToken) =>
        await callbacks.ReadInstallConfigAsync(vm, Token(request), cancellationToken) is { } config
            ? Results.Text(config, "text/plain; charset=utf-8")
            : Results.StatusCode(StatusCodes.Status403Forbidden);

    private static async Task<IResult> CompleteInstallAsync(string vm, HttpRequest request, InstallCallbacks callbacks, CancellationToken cancellationToken) =>
        await callbacks.CompleteAsync(vm, Token(request), cancellationToken) is { } completed
            ? Results.Ok(completed)
            : Results.StatusCode(StatusCodes.Status403Forbidden);

    private static string? Token(HttpRequest request) =>
        request.Headers[HeaderNames.Authorization].ToString() is var header && header.StartsWith(BearerPrefix, StringComparison.Ordinal)
            ? header[BearerPrefix.Length..].Trim()
            : null;
}
