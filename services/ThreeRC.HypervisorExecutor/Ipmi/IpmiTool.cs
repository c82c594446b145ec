using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Ipmi;

/// <summary>
/// ipmitool against a host's BMC. The password never appears on its command line: <c>-f file</c>, or <c>-E</c>
/// with IPMI_PASSWORD set in ipmitool's own environment from the variable the inventory names. An unprotected
/// session (interface lan, cipher suite 0) is refused unless the inventory marks the BMC insecure.
/// </summary>
internal sealed class IpmiTool(IOptions<ExecutorOptions> options, ILogger<IpmiTool> logger)
{
    private const string PasswordEnvironment = "IPMI_PASSWORD";

    public IpmiCall Prepare(IpmiSettings bmc, params string[] action)
    {
        var what = $"BMC {bmc.Address}";
        if (bmc.Interface is not ("lan" or "lanplus")) throw new UnsafeValueException($"{what}: interface '{bmc.Interface}' is not lan or lanplus");
        if (bmc.Interface == "lan" && !bmc.Insecure)
            throw new UnsafeValueException($"{what}: interface lan has no integrity protection and the inventory does not accept it (insecure: true)");
        List<string> arguments =
        [
            "-I", bmc.Interface, "-H", SafeValue.Address(bmc.Address, $"address of {what}"), "-p", bmc.Port.ToString(),
            "-U", SafeValue.User(bmc.User, $"user of {what}"),
        ];
        if (bmc.Interface == "lanplus" && (bmc.CipherSuite ?? options.Value.Ipmi.CipherSuite) is { } suite)
        {
            if (suite == 0 && !bmc.Insecure)
                throw new UnsafeValueException($"{what}: cipher suite 0 authenticates nothing and the inventory does not accept it (insecure: true)");
            arguments.AddRange(["-C", suite.ToString()]);
        }

        if (bmc.PasswordFile is { } file) arguments.AddRange(["-f", SafeValue.AbsolutePath(file, $"password file of {what}")]);
        else arguments.Add("-E");
        var variable = bmc.PasswordFile is null
            ? SafeValue.EnvironmentVariable(bmc.PasswordVariable ?? "", $"password variable of {what}")
            : null;
        return new IpmiCall(options.Value.Ipmi.ToolPath, [.. arguments, .. action], variable);
    }

    public async Task<CommandOutput> RunAsync(IpmiCall call, CommandLog log, CancellationToken cancellationToken)
    {
        var sent = log.Add(call.ToString(), changesState: !call.ReadsOnly);
        logger.LogInformation("Running {Command}", call);
        try
        {
            var output = await LocalProcess.RunAsync(call.Program, call.Arguments, Environment(call), options.Value.Ipmi.CommandTimeout, cancellationToken);
            sent.Answer = output.Succeeded ? CommandAnswer.Succeeded : CommandAnswer.Refused;
            return output;
        }
        catch (Exception e) when (e is ActionFailedException or OperationCanceledException and not CommandAbandonedException)
        {
            sent.Answer = CommandAnswer.NotSent;
            throw;
        }
    }

    private static Dictionary<string, string> Environment(IpmiCall call)
    {
        if (call.PasswordVariable is not { } variable) return [];
        var password = System.Environment.GetEnvironmentVariable(variable)
            ?? throw new ActionFailedException($"the environment variable {variable}, which holds the BMC password, is not set");
        return new Dictionary<string, string> { [PasswordEnvironment] = password };
    }
}
