using Microsoft.Playwright;
using ThreeRC.Api.V1;
using ThreeRC.Testing.Stack;
using static Microsoft.Playwright.Assertions;

namespace ThreeRC.Dashboard.Tests;

[Collection(DashboardStackCollection.Name)]
public sealed class OperatorActionTests(DashboardStack stack)
{
    [Fact]
    public async Task An_action_without_the_key_is_refused_and_changes_nothing()
    {
        var page = await stack.Chromium.NewPageAsync();
        await page.GotoAsync(stack.Address + "/");
        var row = page.Locator("#vms tr[data-vm='vm02']");

        await page.ActAsync(row.GetByRole(AriaRole.Button, new() { Name = "Maintenance on" }), "disk check");

        await Expect(page.Locator("#status")).ToContainTextAsync("Refused: ");
        await Expect(page.Locator("#status")).ToContainTextAsync("needs the API key");
        await Expect(row.Locator(".maintenance")).ToHaveCountAsync(0);
        Assert.Null((await stack.Cluster.GetVmAsync(new GetVmRequest { Name = "vm02" })).Maintenance);
        stack.Chromium.AssertOnlyTheApi(page, stack.Address, "status of 401");
    }

    [Fact]
    public async Task With_the_key_the_operator_puts_a_VM_into_maintenance_and_out_sees_the_plan_and_triggers_a_recovery()
    {
        var page = await stack.Chromium.NewPageAsync();
        await page.GotoAsync(stack.Address + "/");
        await page.SignInAsync("alice");
        var row = page.Locator("#vms tr[data-vm='vm02']");

        await page.ActAsync(row.GetByRole(AriaRole.Button, new() { Name = "Maintenance on" }), "disk check");
        await Expect(page.Locator("#status")).ToContainTextAsync("Done: maintenance-on on vm:vm02");
        await Expect(row.Locator(".maintenance")).ToBeVisibleAsync();
        Assert.Equal("alice", (await stack.Cluster.GetVmAsync(new GetVmRequest { Name = "vm02" })).Maintenance.ChangedBy);
        await page.AssertAccessibleAsync();

        await page.ActAsync(row.GetByRole(AriaRole.Button, new() { Name = "Maintenance off" }), "disk checked");
        await Expect(page.Locator("#status")).ToContainTextAsync("Done: maintenance-off on vm:vm02");
        await Expect(row.Locator(".maintenance")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        await row.GetByRole(AriaRole.Button, new() { Name = "Plan" }).ClickAsync();
        await Expect(page.Locator("#plan")).ToContainTextAsync("What ThreeRC would do now for vm02: reboot.");

        var askedAt = DateTimeOffset.UtcNow;
        await page.ActAsync(row.GetByRole(AriaRole.Button, new() { Name = "Recover" }), "slow answers");
        await Expect(page.Locator("#status")).ToContainTextAsync("Done: recovery on vm:vm02");
        var recovery = await stack.Recoveries.EndedAsync("vm02", askedAt, TimeSpan.FromSeconds(90), () => stack.Story("vm02"));
        Assert.Equal(RecoveryState.Recovered, recovery.State);
        Assert.Contains((await stack.Cluster.GetVmAsync(new GetVmRequest { Name = "vm02" })).RecentActions,
            action => action is { Action: "recovery", RequestedBy: "alice" } && action.Detail.EndsWith("slow answers", StringComparison.Ordinal));
        stack.Chromium.AssertOnlyTheApi(page, stack.Address);
    }
}
