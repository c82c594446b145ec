using System.Diagnostics;
using System.Runtime;

namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>What a rehearsal cost and saved: the time it took and the methods the JIT compiled meanwhile.</summary>
internal sealed class RehearsalMeter
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly long _methodsBefore = JitInfo.GetCompiledMethodCount();

    public long Milliseconds => _watch.ElapsedMilliseconds;

    public long MethodsCompiled => JitInfo.GetCompiledMethodCount() - _methodsBefore;
}
