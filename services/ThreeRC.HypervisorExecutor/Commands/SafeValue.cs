using System.Text.RegularExpressions;
using ThreeRC.Inventory;

namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>Checks each value that goes into a remote command against the inventory's strict patterns.</summary>
public static partial class SafeValue
{
    public static string Name(string value, string what) => Checked(value, InventoryPatterns.Name(), what, "a name (letters, digits, '.', '-', '_')");

    public static string AbsolutePath(string value, string what) =>
        Checked(value, InventoryPatterns.AbsolutePath(), what, "an absolute path without spaces, quotes or '..'");

    public static string Address(string value, string what) => Checked(value, InventoryPatterns.Address(), what, "a host name or IP address");

    public static string User(string value, string what) => Checked(value, InventoryPatterns.User(), what, "a login name");

    public static string EnvironmentVariable(string value, string what) =>
        Checked(value, InventoryPatterns.EnvironmentVariable(), what, "an environment variable name");

    public static string LibvirtUri(string value, string what) =>
        Checked(value, InventoryPatterns.LibvirtUri(), what, "a libvirt URI such as qemu:///system (no query, no spaces or quotes)");

    public static string Digits(string value, string what) => Checked(value, Number(), what, "a number");

    /// <summary>A plain command (no quotes or shell metacharacters), split into its words.</summary>
    public static IReadOnlyList<string> CommandWords(string value, string what) =>
        Checked(value, InventoryPatterns.PlainCommand(), what, "a plain command without quotes or shell metacharacters")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Checked(string value, Regex pattern, string what, string expected) =>
        pattern.IsMatch(value) ? value : throw new UnsafeValueException($"{what} '{value}' is refused: it is not {expected}");

    [GeneratedRegex("^[0-9]{1,9}$")]
    private static partial Regex Number();
}
