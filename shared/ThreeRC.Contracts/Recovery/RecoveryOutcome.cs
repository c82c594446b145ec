namespace ThreeRC.Contracts.Recovery;

/// <summary>How an incident ended.</summary>
public enum RecoveryOutcome
{
    /// <summary>The VM reports to Ganglia again.</summary>
    Recovered,

    /// <summary>Every allowed intervention was tried, or the VM flaps: an operator must act.</summary>
    Failed,

    /// <summary>Ended by an operator (maintenance) before it recovered or failed.</summary>
    Cancelled,
}
