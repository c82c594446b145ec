namespace ThreeRC.Benchmarks;

/// <summary>A scenario's <c>--name value</c> options.</summary>
internal static class ScenarioOptions
{
    /// <summary>The value after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public static string Value(string[] arguments, string name, string fallback)
    {
        var index = Array.IndexOf(arguments, name);
        return index >= 0 && index + 1 < arguments.Length ? arguments[index + 1] : fallback;
    }

    /// <summary>The detection paths of <c>--paths</c> (xml, push or both), as "use push" flags in the order given.</summary>
    public static IReadOnlyList<(string Name, bool Push)> Paths(string[] arguments) =>
        [.. Value(arguments, "--paths", "xml,push").Split(',').Select(path => path switch
        {
            "xml" => (path, false),
            "push" => (path, true),
            _ => throw new ArgumentException($"--paths: '{path}' is not xml or push"),
        })];
}
