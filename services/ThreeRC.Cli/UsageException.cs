namespace ThreeRC.Cli;

/// <summary>A command-line value the parser accepted but that makes no sense; threerc exits with <see cref="ExitCodes.BadArguments"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
