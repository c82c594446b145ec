using ThreeRC.Testing.Stack;
using static Microsoft.Playwright.Assertions;

namespace ThreeRC.Dashboard.Tests;

[Collection(DashboardStackCollection.Name)]
public sealed class AvailabilityPageTests(DashboardStack stack)
{
    [Fact]
    public async Task The_availability_page_shows_the_report_the_histograms_and_links_to_each_recovery()
    {
        var crashedAt = DateTimeOffset.UtcNow;
        await stack.DataCentre.CrashGuestAsync("vm03");
        var recovery = await stack.Recoveries.EndedAsync("vm03", crashedAt, TimeSpan.FromSeconds(90), () => stack.Story("vm03"));

        var page = await stack.Chromium.NewPageAsync();
        await page.GotoAsync(stack.Address + "/availability");

        var row = page.Locator("#report tr[data-vm='vm03']");
        await Expect(row.Locator("td").Nth(0)).Not.ToHaveTextAsync("0");
        await Expect(row.Locator("td").Nth(1)).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("#histograms svg title")).ToContainTextAsync("Recovered without reinstalling: ");
        Assert.DoesNotContain("Recovered without reinstalling: 0 incidents", await page.Locator("#histograms svg title").TextContentAsync());
        await Expect(page.Locator($"#recoveries a[href='/incidents/{recovery.Id}']")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.SaveForDocsAsync("availability");

        await page.Locator($"#recoveries a[href='/incidents/{recovery.Id}']").ClickAsync();
        await Expect(page.Locator("#title")).ToContainTextAsync($"vm03: incident {recovery.Id}");
        stack.Chromium.AssertOnlyTheApi(page, stack.Address);
    }
}
