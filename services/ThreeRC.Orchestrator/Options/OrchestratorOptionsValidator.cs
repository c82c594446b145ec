using Microsoft.Extensions.Options;

namespace ThreeRC.Orchestrator.Options;

internal sealed class OrchestratorOptionsValidator : IValidateOptions<OrchestratorOptions>
{
    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConcurrentRecoveries < 1) errors.Add("Orchestrator:MaxConcurrentRecoveries: must be at least 1");
        if (options.MaxConcurrentRestartsPerHost < 1) errors.Add("Orchestrator:MaxConcurrentRestartsPerHost: must be at least 1");
        if (options.RestartAttempts < 1) errors.Add("Orchestrator:RestartAttempts: must be at least 1");
        if (options.FlapLimit < 1) errors.Add("Orchestrator:FlapLimit: must be at least 1");
        if (options.SweepBatchSize < 1) errors.Add("Orchestrator:SweepBatchSize: must be at least 1");
        if (options.MassFailure.Share is <= 0 or > 1) errors.Add("Orchestrator:MassFailure:Share: must be more than 0 and at most 1 (1 switches the brake off)");
        if (options.FaultInjection.KillBeforePublishing is { Length: > 0 } && string.IsNullOrWhiteSpace(options.FaultInjection.Vm))
            errors.Add("Orchestrator:FaultInjection:Vm: required with KillBeforePublishing");
        if (options.FenceRetryMax < options.FenceRetryInitial) errors.Add("Orchestrator:FenceRetryMax: must not be shorter than FenceRetryInitial");
        foreach (var (key, value) in new[]
        {
            (nameof(options.SlotRetryInterval), options.SlotRetryInterval), (nameof(options.FlapWindow), options.FlapWindow),
            (nameof(options.PlacementTimeout), options.PlacementTimeout), (nameof(options.FenceTimeout), options.FenceTimeout),
            (nameof(options.FenceRetryInitial), options.FenceRetryInitial), (nameof(options.SweepInterval), options.SweepInterval),
            (nameof(options.RedispatchAfter), options.RedispatchAfter), ("MassFailure:Window", options.MassFailure.Window),
        })
            if (value <= TimeSpan.Zero) errors.Add($"Orchestrator:{key}: must be a positive duration");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
