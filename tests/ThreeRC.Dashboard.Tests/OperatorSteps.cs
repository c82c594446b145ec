using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ThreeRC.Dashboard.Tests;

/// <summary>What an operator does on the dashboard's pages.</summary>
public static class OperatorSteps
{
    /// <summary>Types a login name and the API key into the form at the top of the page.</summary>
    public static async Task SignInAsync(this IPage page, string name, string key = DashboardStack.Key)
    {
        await page.GetByLabel("Your login name").FillAsync(name);
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the key" }).ClickAsync();
        await Expect(page.Locator("#operator")).ToContainTextAsync($"Operator actions as {name}.");
    }

    /// <summary>Clicks an action's button, gives the reason it asks for, and confirms.</summary>
    public static async Task ActAsync(this IPage page, ILocator button, string reason)
    {
        await button.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Why (kept with the action)").FillAsync(reason);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
    }
}
