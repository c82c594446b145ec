using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ThreeRC.Testing.Browser;

namespace ThreeRC.Dashboard.Tests;

/// <summary>What every page of the dashboard must hold to: accessibility basics, no request beyond the Api, no script error.</summary>
public static class PageChecks
{
    /// <summary>axe-core's checks (labels, contrast, names, landmarks, ...): no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>
    /// Every request the page made went to <paramref name="origin"/>, and it printed no error but those that contain one
    /// of <paramref name="expectedErrors"/> (a refusal the test asked for is an error to the browser).
    /// </summary>
    public static void AssertOnlyTheApi(this HeadlessChromium chromium, IPage page, string origin, params string[] expectedErrors)
    {
        var log = chromium.LogOf(page);
        Assert.NotEmpty(log.Requests);
        Assert.All(log.Requests, url => Assert.StartsWith(origin + "/", url));
        Assert.DoesNotContain(log.Errors, error => !expectedErrors.Any(error.Contains));
    }

    /// <summary>Saves a picture of the page into $THREERC_SCREENSHOTS (docs/dashboard.md shows them), when it is set.</summary>
    public static async Task SaveForDocsAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("THREERC_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}";
}
