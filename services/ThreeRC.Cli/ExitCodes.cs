namespace ThreeRC.Cli;

/// <summary>What threerc's exit code says.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The Api answered with an error: refused, not found, invalid, failed.</summary>
    public const int ApiError = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or malformed value.</summary>
    public const int BadArguments = 2;

    /// <summary>The Api could not be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>threerc doctor: a check failed, or a module did not answer.</summary>
    public const int ChecksFailed = 4;
}
