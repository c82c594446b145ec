namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>What came back from one command an action sent: all that decides whether it may have acted.</summary>
public enum CommandAnswer
{
    /// <summary>It never left: no connection could be made, or the action stopped before it.</summary>
    NotSent,

    /// <summary>It was sent and no clear answer came back (a timeout, a dropped session or channel, a signal): it may have run.</summary>
    Unclear,

    /// <summary>It exited with status 0.</summary>
    Succeeded,

    /// <summary>It exited with a non-zero status: the program said it did not do it.</summary>
    Refused,
}
