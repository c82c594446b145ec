using Microsoft.Playwright;
using ThreeRC.Testing.Browser;
using ThreeRC.Testing.Stack;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ThreeRC.Dashboard.Tests;

[Collection(DashboardStackCollection.Name)]
public sealed class LiveRecoveryTests(DashboardStack stack, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Recovery = new() { Timeout = 90_000 };

    [Fact]
    public async Task The_overview_shows_a_crash_and_its_recovery_as_they_happen_and_the_incident_page_every_step()
    {
        var page = await stack.Chromium.NewPageAsync();
        await page.GotoAsync(stack.Address + "/");
        var row = page.Locator("#vms tr[data-vm='vm01']");
        await Expect(row).ToHaveAttributeAsync("data-state", "up", Recovery);
        await Expect(page.Locator("#live")).ToHaveTextAsync("live");
        await RowStates.RecordAsync(page);

        var crashedAt = DateTimeOffset.UtcNow;
        await stack.DataCentre.CrashGuestAsync("vm01");
        await RowStates.ShownAsync(page, "vm01", "recovering", TimeSpan.FromSeconds(90));
        await page.SaveForDocsAsync("overview");
        var recovery = await stack.Recoveries.EndedAsync("vm01", crashedAt, TimeSpan.FromSeconds(90), () => stack.Story("vm01"));
        await Expect(row).ToHaveAttributeAsync("data-state", "up", Recovery);
        await Expect(page.Locator($"#events a[href='/incidents/{recovery.Id}']").First).ToBeVisibleAsync();

        var seen = (await RowStates.OfAsync(page, "vm01")).ToList();
        // Down may show between them, as the monitor's and the orchestrator's events arrive.
        var recovering = seen.FindIndex(state => state.State == "recovering");
        Assert.True(seen[0].State == "up" && recovering > 0 && seen[^1].State == "up", $"the row showed {string.Join(", ", seen.Select(state => state.State))}");
        output.WriteLine($"event → row: recovering {(seen[recovering].At - recovery.StartedAt.ToDateTimeOffset()).TotalMilliseconds:0} ms after the incident opened, " +
            $"up {(seen[^1].At - recovery.CompletedAt.ToDateTimeOffset()).TotalMilliseconds:0} ms after it ended");
        await page.AssertAccessibleAsync();

        await page.Locator($"#events a[href='/incidents/{recovery.Id}']").First.ClickAsync();
        await Expect(page.Locator("#summary")).ToHaveAttributeAsync("data-state", "recovered");
        await Expect(page.Locator("#steps tbody tr")).ToHaveCountAsync(recovery.Steps.Count);
        await Expect(page.Locator("#steps tbody tr[data-step='reboot']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(recovery.Events.Count);
        foreach (var kind in recovery.Events.Select(e => e.Kind).Distinct())
            await Expect(page.Locator($"#timeline tbody tr[data-kind='{kind}']").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.SaveForDocsAsync("incident");
        stack.Chromium.AssertOnlyTheApi(page, stack.Address);
    }

    [Fact]
    public async Task On_a_phone_the_overview_keeps_every_VM_and_host_and_their_state()
    {
        var page = await stack.Chromium.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(stack.Address + "/");

        foreach (var vm in new[] { "vm01", "vm02", "vm03" })
            await Expect(page.Locator($"#vms tr[data-vm='{vm}'] .badge").First).ToBeVisibleAsync();
        foreach (var host in new[] { "alfa01", "alfa02" })
            await Expect(page.Locator($"#hosts tr[data-host='{host}'] .badge").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await page.AssertAccessibleAsync();
        await page.SaveForDocsAsync("overview-phone");
        stack.Chromium.AssertOnlyTheApi(page, stack.Address);
    }
}
