namespace ThreeRC.Testing;

/// <summary>Stops a fixture's parts one after another, every one of them whatever fails on the way; then reports what failed.</summary>
public static class Teardown
{
    public static async Task RunAsync(string what, IEnumerable<Func<ValueTask>> steps)
    {
        var failures = new List<Exception>();
        foreach (var step in steps)
        {
            try
            {
                await step();
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0) throw new AggregateException($"stopping {what} failed", failures);
    }
}
