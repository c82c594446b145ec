using System.Text.Json;
using Microsoft.Playwright;

namespace ThreeRC.Testing.Browser;

/// <summary>
/// Every state each VM's row of the dashboard's overview showed, and when, kept in the page as the rows are drawn
/// again: a state that lasted less than a poll is not missed. The page's clock is the machine's.
/// </summary>
public static class RowStates
{
    public static Task RecordAsync(IPage page) => page.EvaluateAsync(
        """
        () => {
          const body = document.querySelector("#vms tbody");
          const states = window.threercStates = {};
          const note = () => {
            for (const row of body.querySelectorAll("tr[data-vm]")) {
              const list = states[row.dataset.vm] ??= [];
              if (list.at(-1)?.state !== row.dataset.state) list.push({ state: row.dataset.state, at: Date.now() });
            }
          };
          note();
          new MutationObserver(note).observe(body, { childList: true });
        }
        """);

    /// <summary>Waits until the VM's row has shown <paramref name="state"/> since <see cref="RecordAsync"/>.</summary>
    public static Task ShownAsync(IPage page, string vm, string state, TimeSpan timeout) => page.WaitForFunctionAsync(
        "([vm, state]) => (window.threercStates[vm] ?? []).some(shown => shown.state === state)",
        new[] { vm, state }, new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds });

    public static async Task<IReadOnlyList<(string State, DateTimeOffset At)>> OfAsync(IPage page, string vm) =>
        [.. (await page.EvaluateAsync<JsonElement>("vm => window.threercStates[vm] ?? []", vm)).EnumerateArray()
            .Select(shown => (shown.GetProperty("state").GetString()!, DateTimeOffset.FromUnixTimeMilliseconds(shown.GetProperty("at").GetInt64())))];
}
