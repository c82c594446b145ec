using System.Net;
using System.Text.RegularExpressions;
using ThreeRC.Api.Tests.Fixtures;

namespace ThreeRC.Api.Tests.Dashboard;

/// <summary>The status page's files as the Api serves them: every one found, none reaching beyond the Api.</summary>
public sealed partial class DashboardAssetTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] Pages = ["/", "/incidents/3f2b0c1e-0000-4000-8000-000000000001", "/availability"];

    [Fact]
    public async Task Each_page_and_every_file_it_loads_is_served_with_a_policy_that_allows_this_origin_only()
    {
        using var http = Http();
        var files = new HashSet<string>();

        foreach (var page in Pages)
        {
            using var response = await http.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            await CollectAsync(http, await response.Content.ReadAsStringAsync(), files);
        }

        Assert.Contains("/assets/api.js", files);
        Assert.Contains("/assets/dashboard.css", files);
    }

    [Fact]
    public async Task No_file_names_another_address()
    {
        using var http = Http();
        var files = new HashSet<string>();
        foreach (var page in Pages) await CollectAsync(http, await http.GetStringAsync(page), files);

        // An SVG's namespace names no address to fetch.
        foreach (var file in files)
            Assert.DoesNotMatch(ExternalAddress(), (await http.GetStringAsync(file)).Replace("xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_file_is_404()
    {
        using var http = Http();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/assets/missing.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/assets/index.html")).StatusCode);
    }

    [Fact]
    public async Task The_recovery_time_histograms_are_an_SVG_image()
    {
        using var http = Http();

        using var response = await http.GetAsync("/reports/recovery-times.svg");
        using var bad = await http.GetAsync("/reports/recovery-times.svg?from=yesterday");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>Adds the files a page or script loads (src, href, import) and those they load in turn.</summary>
    private static async Task CollectAsync(HttpClient http, string text, HashSet<string> files)
    {
        foreach (Match match in Reference().Matches(text))
        {
            var path = match.Groups["path"].Value.Replace("./", "/assets/", StringComparison.Ordinal);
            if (!path.StartsWith("/assets/", StringComparison.Ordinal) || !files.Add(path)) continue;
            using var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            await CollectAsync(http, await response.Content.ReadAsStringAsync(), files);
        }
    }

    private HttpClient Http() => new() { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Host.HttpPort}") };

    [GeneratedRegex("""(?:src|href)="(?<path>[^"]+)"|from "(?<path>[^"]+)"|import\("(?<path>[^"]+)"\)""")]
    private static partial Regex Reference();

    [GeneratedRegex("""https?://|//[a-z0-9.-]+\.[a-z]{2,}""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();
}
