using System.Text.RegularExpressions;

namespace ThreeRC.Inventory;

/// <summary>
/// The strict patterns every inventory value must match. Values that pass them are safe to quote into a
/// remote shell command or a file name; the executor and the provisioner check them again before use.
/// Each ends in \z, not $: $ would also accept a trailing newline.
/// </summary>
public static partial class InventoryPatterns
{
    /// <summary>Host, VM, profile and group names: letters, digits, dot, dash, underscore; starts with a letter or digit.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}\\z")]
    public static partial Regex Name();

    /// <summary>A DNS name, an IPv4 or an IPv6 address.</summary>
    [GeneratedRegex("^([A-Za-z0-9][A-Za-z0-9.-]{0,252}|[0-9A-Fa-f:.]{2,45})\\z")]
    public static partial Regex Address();

    /// <summary>A Unix login name.</summary>
    [GeneratedRegex("^[a-z_][a-z0-9_.-]{0,31}\\z")]
    public static partial Regex User();

    /// <summary>A MAC address in lower case with colons.</summary>
    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}\\z")]
    public static partial Regex Mac();

    /// <summary>An absolute path without spaces, quotes or "..".</summary>
    [GeneratedRegex(@"^(?!.*(^|/)\.\.(/|$))(/[A-Za-z0-9._+-]+)+\z")]
    public static partial Regex AbsolutePath();

    /// <summary>A path relative to the TFTP root, without "..".</summary>
    [GeneratedRegex(@"^(?!.*(^|/)\.\.(/|$))[A-Za-z0-9_+-][A-Za-z0-9._+-]*(/[A-Za-z0-9._+-]+)*\z")]
    public static partial Regex RelativePath();

    /// <summary>A plain command with arguments: no quotes, no shell metacharacters.</summary>
    [GeneratedRegex("^[A-Za-z0-9/][A-Za-z0-9 ._/=-]{0,127}\\z")]
    public static partial Regex PlainCommand();

    /// <summary>One line of text: no control characters.</summary>
    [GeneratedRegex(@"^[^\x00-\x1f\x7f]*\z")]
    public static partial Regex SingleLine();

    /// <summary>A libvirt connection URI without a query, such as qemu:///system, qemu:///session or qemu+tcp://node1/system.</summary>
    [GeneratedRegex("^[a-z][a-z0-9]{0,15}(\\+[a-z]{1,10})?://([A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[0-9]{1,5})?)?/[A-Za-z0-9._-]{0,64}(/[A-Za-z0-9._-]{1,64}){0,8}\\z")]
    public static partial Regex LibvirtUri();

    /// <summary>An environment variable name.</summary>
    [GeneratedRegex("^[A-Z_][A-Z0-9_]{0,63}\\z")]
    public static partial Regex EnvironmentVariable();
}
