namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>One command line an action sent, whether it changes anything, and what came back from it.</summary>
public sealed class LoggedCommand(string line, bool changesState)
{
    private volatile CommandAnswer _answer = CommandAnswer.Unclear;

    /// <summary>As it goes into results: <c>user@host: command</c>, or <c>local: ipmitool ...</c>.</summary>
    public string Line => line;

    /// <summary>False for a query (<see cref="RemoteCommand.ReadsOnly"/>), which cannot have changed anything.</summary>
    public bool ChangesState => changesState;

    /// <summary>Unclear until the one who sent it says otherwise: a command that vanished without an answer may have run.</summary>
    public CommandAnswer Answer
    {
        get => _answer;
        set => _answer = value;
    }

    /// <summary>A command that changes something and succeeded, or was sent without a clear answer.</summary>
    public bool MayHaveActed => ChangesState && Answer is CommandAnswer.Succeeded or CommandAnswer.Unclear;
}
