using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ThreeRC.HypervisorExecutor.Health;

/// <summary>
/// What a periodic check of many machines last found, per subject ("host alfa01" → why it failed, or null when it
/// passed), logging changes only: a subject that starts failing (or fails for another reason), and one that passes again.
/// </summary>
internal sealed class CheckResults(ILogger logger, Action<ILogger, string, string, Exception?> failing, Action<ILogger, string, Exception?> passing)
{
    private const int SubjectsAtOnce = 8;

    private readonly ConcurrentDictionary<string, string?> _last = new();

    /// <summary>Checks every subject, <see cref="SubjectsAtOnce"/> at a time; the failures, by subject.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAllAsync<T>(
        IEnumerable<T> subjects, Func<T, string> name, Func<T, CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(subjects, new ParallelOptions { MaxDegreeOfParallelism = SubjectsAtOnce, CancellationToken = cancellationToken },
            async (subject, token) =>
            {
                if (await CheckAsync(name(subject), each => check(subject, each), token) is { } failure) failures[name(subject)] = failure;
            });
        return failures;
    }

    /// <summary>Checks one subject; why it failed, or null.</summary>
    public async Task<string?> CheckAsync(string subject, Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        string? failure = null;
        try
        {
            await check(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong is this subject's finding: a check must never stop the executor.
            failure = e.Message;
        }

        var known = _last.TryGetValue(subject, out var last);
        _last[subject] = failure;
        if (failure is not null && failure != last) failing(logger, subject, failure, null);
        else if (failure is null && (!known || last is not null)) passing(logger, subject, null);
        return failure;
    }

    /// <summary>
    /// Healthy while every subject <paramref name="counts"/> keeps passed; Degraded naming each failing one, never
    /// Unhealthy: the executor still answers every command, with the reason it failed.
    /// </summary>
    public HealthCheckResult Health(string noneYet, Func<int, string> allPass, Func<string, string, string> failure, Func<string, bool>? counts = null)
    {
        var results = _last.Where(result => counts?.Invoke(result.Key) ?? true).ToList();
        var failing = results.Where(result => result.Value is not null).OrderBy(result => result.Key, StringComparer.Ordinal).ToList();
        return (results.Count, failing.Count) switch
        {
            (0, _) => HealthCheckResult.Healthy(noneYet),
            (_, 0) => HealthCheckResult.Healthy(allPass(results.Count)),
            _ => HealthCheckResult.Degraded(string.Join("; ", failing.Select(result => failure(result.Key, result.Value!)))),
        };
    }
}
