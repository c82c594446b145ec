namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// All three commands in one: what a simulated data centre implements to replace everything behind the consumers
/// (<c>AddHypervisorExecutor(x =&gt; x.UseExecutor&lt;T&gt;())</c>). Without it each consumer reaches its own real
/// action. Implementations report every failure as a failed outcome rather than throwing.
/// </summary>
public interface IHypervisorExecutor : IGuestRebooter, IVmRestarter, IHostFencer;
