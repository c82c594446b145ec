using System.Text.RegularExpressions;

namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>POSIX shell quoting: a word the remote shell reads back exactly, whatever it holds.</summary>
public static partial class ShellQuote
{
    /// <summary>The value as is when it holds only characters no shell treats specially, else in single quotes.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && Plain().IsMatch(value) ? value : "'" + value.Replace("'", @"'\''") + "'";

    [GeneratedRegex("^[A-Za-z0-9@%+=:,./_-]+$")]
    private static partial Regex Plain();
}
