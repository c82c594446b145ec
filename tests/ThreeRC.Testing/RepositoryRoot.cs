namespace ThreeRC.Testing;

/// <summary>The checkout the tests run from.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The build configuration the tests were built in (Debug or Release), for finding service binaries.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ThreeRC.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no ThreeRC.sln above {AppContext.BaseDirectory}");
    }
}
