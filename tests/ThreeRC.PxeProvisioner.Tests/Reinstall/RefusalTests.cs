using ThreeRC.Contracts.Provisioning;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Reinstall;

/// <summary>A refused reinstall publishes ReinstallRefused with its reason and writes nothing.</summary>
public sealed class RefusalTests : IDisposable
{
    private readonly TempDirectory _data = new("pxe-refusal");

    private string TftpRoot => _data.Combine("tftp");

    [Theory]
    [InlineData("gridse", "grid-se", "reinstall is disabled for gridse (reinstall: false in the inventory)")]
    [InlineData("gridce", "grid-xx", "no install profile named 'grid-xx' in the inventory")]
    [InlineData("gridce", "grid-wn", "'grid-wn' is not the install profile of gridce ('grid-ce')")]
    [InlineData("nosuchvm", "grid-ce", "no VM named 'nosuchvm' in the inventory")]
    public async Task A_reinstall_the_inventory_does_not_allow_is_refused_with_its_reason(string vm, string profile, string reason)
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot);
        var entriesBefore = Entries();

        var refused = Assert.IsType<ReinstallRefused>(await host.PrepareAsync(Commands.Reinstall(vm, profile)));

        Assert.Equal(reason, refused.Reason);
        Assert.Equal(vm, refused.VmName);
        Assert.Equal(entriesBefore, Entries());
    }

    [Fact]
    public async Task A_VM_whose_MAC_is_invalid_is_refused_and_no_file_is_made_from_its_MAC()
    {
        var valid = TestInventory.Load(_data);
        var gridce = valid.FindVm("gridce")! with { Mac = "../../../../evil" };
        var inventory = new ClusterInventory(valid.SourceFile, valid.Timers, valid.Detection, valid.Hosts,
            [gridce, .. valid.Vms.Where(vm => vm.Name != "gridce")], valid.Profiles);
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot, inventory: inventory);

        var refused = Assert.IsType<ReinstallRefused>(await host.PrepareAsync(Commands.Reinstall("gridce", "grid-ce")));

        Assert.Equal("the MAC of gridce, '../../../../evil', is not a valid MAC address; no file name is made from it", refused.Reason);
        Assert.Equal([TestInventory.GridseFile, TestInventory.GridwnFile], Entries().Keys);
        Assert.False(File.Exists(Path.Combine(_data.Path, "evil")));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(TftpRoot, "pxelinux.cfg", "01-../../../../evil"))));
    }

    [Fact]
    public async Task Without_a_call_back_URL_every_reinstall_is_refused()
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot,
            settings: new Dictionary<string, string?> { ["Pxe:CallbackBaseUrl"] = "" });

        var refused = Assert.IsType<ReinstallRefused>(await host.PrepareAsync(Commands.Reinstall("gridce", "grid-ce")));

        Assert.StartsWith("Pxe:CallbackBaseUrl is not configured", refused.Reason);
        Assert.DoesNotContain("LABEL install", await File.ReadAllTextAsync(Path.Combine(TftpRoot, TestInventory.GridceFile)));
    }

    public void Dispose() => _data.Dispose();

    private SortedDictionary<string, string> Entries() =>
        new(Directory.GetFiles(Path.Combine(TftpRoot, "pxelinux.cfg"))
            .ToDictionary(file => Path.GetRelativePath(TftpRoot, file), File.ReadAllText), StringComparer.Ordinal);
}
