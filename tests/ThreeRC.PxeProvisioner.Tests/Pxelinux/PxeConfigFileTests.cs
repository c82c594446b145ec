using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Tests.Pxelinux;

public class PxeConfigFileTests
{
    [Fact]
    public void A_MAC_names_its_file_with_the_Ethernet_type_and_dashes()
    {
        Assert.True(PxeConfigFile.TryFor("52:54:00:ab:cd:ef", out var file));
        Assert.Equal("pxelinux.cfg/01-52-54-00-ab-cd-ef", file);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("52:54:00:AB:CD:EF")]
    [InlineData("52-54-00-ab-cd-ef")]
    [InlineData("52:54:00:ab:cd")]
    [InlineData("../../../etc/passwd")]
    [InlineData("52:54:00:ab:cd:ef/../../x")]
    [InlineData("52:54:00:ab:cd:ef\n")]
    public void Anything_but_a_lower_case_MAC_with_colons_names_no_file(string? mac)
    {
        Assert.False(PxeConfigFile.TryFor(mac, out var file));
        Assert.Null(file);
    }
}
