using Microsoft.Net.Http.Headers;

namespace ThreeRC.Api.Dashboard;

/// <summary>
/// The status page on the Api's HTTP/1.1 URLs: three pages and their scripts, all served from this assembly. The pages
/// read the Api's JSON API (gRPC JSON transcoding of the same services the CLI calls) and reach nothing else: the
/// content security policy allows this origin only.
/// </summary>
internal static class DashboardEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var assets = DashboardAsset.LoadAll();
        endpoints.MapGet("/", (HttpContext context) => Serve(context, assets["index.html"]));
        endpoints.MapGet("/incidents/{id}", (HttpContext context) => Serve(context, assets["incident.html"]));
        endpoints.MapGet("/availability", (HttpContext context) => Serve(context, assets["availability.html"]));
        endpoints.MapGet("/assets/{name}", (HttpContext context, string name) =>
            assets.TryGetValue(name, out var asset) && !name.EndsWith(".html", StringComparison.Ordinal)
                ? Serve(context, asset)
                : Results.NotFound());
    }

    private static IResult Serve(HttpContext context, DashboardAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
