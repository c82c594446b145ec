using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ThreeRC.Dashboard.Tests;

[Collection(DashboardStackCollection.Name)]
public sealed class FencingAlertTests(DashboardStack stack)
{
    [Fact]
    public async Task A_host_no_method_can_fence_raises_an_alert_on_the_overview_until_an_operator_acknowledges_it()
    {
        var page = await stack.Chromium.NewPageAsync();
        await page.GotoAsync(stack.Address + "/");
        await page.SignInAsync("erin");

        // alfa03 dies with its BMC stuck on: neither its hypervisor nor its BMC can confirm it off, round after round.
        stack.DataCentre.Host("alfa03").Bmc.KeepPowerOn();
        await stack.DataCentre.FailHostAsync("alfa03");
        var alert = page.Locator("#alerts [data-alert]");
        await Expect(alert).ToContainTextAsync("Fencing alert for vm04: ALERT: no fencing method of alfa03 worked", new() { Timeout = 60_000 });
        await page.AssertAccessibleAsync();
        await page.SaveForDocsAsync("fencing-alert");

        await page.ActAsync(alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }), "powering alfa03 off at the PDU");

        await Expect(page.Locator("#status")).ToContainTextAsync("Done: fencing-alert-ack on recovery:");
        await Expect(alert).ToHaveCountAsync(0);
        stack.DataCentre.AssertSafe();
        stack.Chromium.AssertOnlyTheApi(page, stack.Address);
    }
}
