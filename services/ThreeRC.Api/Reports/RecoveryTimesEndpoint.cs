using System.Globalization;
using ThreeRC.Api.Authentication;
using ThreeRC.Api.Persistence;

namespace ThreeRC.Api.Reports;

/// <summary>
/// <c>GET /reports/recovery-times.svg?from=…&amp;to=…</c> (ISO 8601, default the last 7 days): the paper's two
/// histograms (its Figures 2 and 3) of the incidents recovered in the window, from the last heartbeat to the end,
/// non-destructive and reinstalled apart, drawn by the code that draws the lab's.
/// </summary>
internal static class RecoveryTimesEndpoint
{
    public const string Path = "/reports/recovery-times.svg";

    public static void MapRecoveryTimes(this IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, async (
        HttpContext context, RecoveryQueries recoveries, OperatorKey key, TimeProvider time, string? from, string? to) =>
    {
        if (key.Check(isCommand: false, context.Request.Headers[OperatorKey.Header].ToString()) != KeyCheck.Allowed)
            return Results.Text($"this Api needs the API key for reads too: send it in the {OperatorKey.Header} header", statusCode: StatusCodes.Status401Unauthorized);
        var now = time.GetUtcNow();
        if (!TryParse(to, now, out var end) || !TryParse(from, end.AddDays(-7), out var start) || start >= end)
            return Results.BadRequest($"from and to: ISO 8601 times with from before to (got from '{from}', to '{to}')");

        var recovered = (await recoveries.OverlappingAsync(start, end, context.RequestAborted))
            .Where(incident => incident.TimeToRecover is not null && incident.CompletedAt >= start)
            .ToList();
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'";
        return Results.Text(HistogramSvg.Render(
        [
            Histogram.Of("Recovered without reinstalling", TimesOf(recovered.Where(incident => !incident.Reinstalled))),
            Histogram.Of("Recovered by reinstalling", TimesOf(recovered.Where(incident => incident.Reinstalled))),
        ]), "image/svg+xml");
    });

    private static List<TimeSpan> TimesOf(IEnumerable<RecoveryRecord> incidents) => incidents.Select(incident => incident.TimeToRecover!.Value).ToList();

    private static bool TryParse(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
