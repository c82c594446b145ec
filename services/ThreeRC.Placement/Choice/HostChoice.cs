using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice;

/// <summary>The chosen host, or null when none qualifies; and why, in words, worked out only when someone reads it.</summary>
internal sealed class HostChoice(HostState? host, Func<string> reason)
{
    private string? _reason;

    public HostState? Host => host;

    public string Reason => _reason ??= reason();
}
