using System.Security.Cryptography;

namespace ThreeRC.Testing;

/// <summary>
/// A BMC: ipmi_sim (Debian's openipmi) on 127.0.0.1 and a free UDP port, with one admin user and a random password.
/// Its chassis power is kept by Scripts/ipmi-chassis in a file, so power off is seen by the next power status query;
/// another chassis program (called with the state folder, then what ipmi_sim appends) can play a real machine.
/// The simulator is always stopped.
/// </summary>
public sealed class IpmiSimulator : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly ServiceProcess _simulator;

    private IpmiSimulator(TempDirectory directory, ServiceProcess simulator, int port, string password)
    {
        _directory = directory;
        _simulator = simulator;
        Port = port;
        Password = password;
    }

    public string Address => "127.0.0.1";

    public int Port { get; }

    public string User => "admin";

    public string Password { get; }

    /// <summary>A file holding the password (mode 0600), for ipmitool -f.</summary>
    public string PasswordFile => _directory.Combine("password");

    /// <summary>Whether the simulated chassis is powered on.</summary>
    public bool PowerIsOn => File.ReadAllText(_directory.Combine("state", "power")).Trim() == "1";

    /// <summary>What ipmi_sim asked the chassis, in order, as "0x20 set power 0".</summary>
    public IReadOnlyList<string> ChassisCalls()
    {
        var log = _directory.Combine("state", "chassis.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>From now on power off is accepted but the chassis stays on.</summary>
    public void KeepPowerOn() => File.WriteAllText(_directory.Combine("state", "stuck"), "");

    /// <param name="chassis">The chassis_control command before its state folder, such as "/bin/bash SCRIPT USER"; default Scripts/ipmi-chassis.</param>
    public static async Task<IpmiSimulator> StartAsync(string? chassis = null)
    {
        var directory = new TempDirectory("ipmi-sim");
        var state = Directory.CreateDirectory(directory.Combine("state")).FullName;
        Directory.CreateDirectory(directory.Combine("persist"));
        File.WriteAllText(Path.Combine(state, "power"), "1\n");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        File.WriteAllText(directory.Combine("password"), password);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(directory.Combine("password"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var port = FreePort.NextUdp();
        chassis ??= "/bin/bash " + RepositoryRoot.Combine("tests", "ThreeRC.Testing", "Scripts", "ipmi-chassis");
        directory.Write("lan.conf", $"""
            name "threerc-test"
            set_working_mc 0x20
              startlan 1
                addr 127.0.0.1 {port}
                priv_limit admin
                allowed_auths_callback none md2 md5 straight
                allowed_auths_user none md2 md5 straight
                allowed_auths_operator none md2 md5 straight
                allowed_auths_admin none md2 md5 straight
                guid a123456789abcdefa123456789abcdef
              endlan
              chassis_control "{chassis} {state} 0x20"
              user 2 true "admin" "{password}" admin 10 none md2 md5 straight

            """);
        directory.Write("sim.emu", """
            mc_setbmc 0x20
            mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
            mc_enable 0x20

            """);

        var simulator = ServiceProcess.Start("ipmi_sim",
            ["-c", directory.Combine("lan.conf"), "-f", directory.Combine("sim.emu"), "-s", directory.Combine("persist"), "-n"],
            workingDirectory: directory.Path);
        var bmc = new IpmiSimulator(directory, simulator, port, password);
        try
        {
            await Eventually.Until(async () => simulator.HasExited || (await bmc.IpmitoolAsync("chassis", "power", "status")).ExitCode == 0,
                TimeSpan.FromSeconds(20), "ipmi_sim answering");
            if (simulator.HasExited) throw new InvalidOperationException($"ipmi_sim exited: {simulator.Output}");
            return bmc;
        }
        catch
        {
            await bmc.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs ipmitool against this BMC with the right credentials.</summary>
    public Task<CommandResult> IpmitoolAsync(params string[] command) => Command.RunAsync("ipmitool",
        ["-I", "lan", "-H", Address, "-p", Port.ToString(), "-U", User, "-f", PasswordFile, .. command], TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _directory.Dispose();
    }
}
