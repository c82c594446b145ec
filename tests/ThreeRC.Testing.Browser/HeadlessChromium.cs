using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ThreeRC.Testing.Browser;

/// <summary>
/// Debian's chromium, headless, driven by Playwright. Every page it opens records each address it requests and each
/// error its console prints (<see cref="LogOf"/>), so a test can say that nothing left the Api and nothing failed.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    // Without the background-networking flags chromium reaches for Google's hosts, which a closed network refuses.
    private static readonly string[] Flags =
        ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ConditionalWeakTable<IPage, PageLog> _logs = [];

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        if (!File.Exists(Executable)) throw new InvalidOperationException($"{Executable} is missing: infra/scripts/install-dependencies.sh installs Debian's chromium");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true, Args = Flags });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page in a context of its own (its own session storage), <paramref name="width"/> pixels wide.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var log = _logs.GetValue(page, _ => new PageLog());
        page.Request += (_, request) => log.Requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") log.Errors.Enqueue($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => log.Errors.Enqueue($"{page.Url}: {error}");
        return page;
    }

    /// <summary>What <paramref name="page"/> requested and which errors it printed, in order.</summary>
    public PageLog LogOf(IPage page) => _logs.GetValue(page, _ => new PageLog());

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
