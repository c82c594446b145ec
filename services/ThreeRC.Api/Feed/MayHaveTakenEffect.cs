namespace ThreeRC.Api.Feed;

/// <summary>What a failed command's result adds when the command may have acted all the same (a timeout, a dropped session).</summary>
public static class MayHaveTakenEffect
{
    /// <param name="consequence">What it would mean, such as "web1 may run on alfa02"; null to say no more.</param>
    public static string Suffix(bool mayHaveTakenEffect, string? consequence = null) => !mayHaveTakenEffect
        ? ""
        : consequence is null
            ? " (it may have taken effect all the same)"
            : $" (it may have taken effect all the same: {consequence})";
}
