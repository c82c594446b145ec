using System.Security.Cryptography;
using System.Text;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

public sealed class KnownHostsFileTests
{
    private static readonly byte[] Pinned = RandomNumberGenerator.GetBytes(51);
    private static readonly byte[] Other = RandomNumberGenerator.GetBytes(51);

    [Theory]
    [InlineData("10.0.0.11", "10.0.0.11")]
    [InlineData("[10.0.0.11]:2222", "[10.0.0.11]:2222")]
    [InlineData("alfa01,10.0.0.11", "10.0.0.11")]
    [InlineData("10.0.0.*", "10.0.0.11")]
    [InlineData("ALFA0?.example.org", "alfa01.example.org")]
    public void A_key_pinned_for_the_host_is_trusted(string hosts, string name)
    {
        Assert.Equal(HostKeyVerdict.Trusted, File($"{hosts} ssh-ed25519 {B64(Pinned)}").Check(name, Pinned));
    }

    [Fact]
    public void A_hashed_entry_pins_the_host_it_hashes()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
        var hash = HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes("[10.0.0.11]:2222"));
        var file = File($"|1|{B64(salt)}|{B64(hash)} ssh-ed25519 {B64(Pinned)}");

        Assert.Equal(HostKeyVerdict.Trusted, file.Check("[10.0.0.11]:2222", Pinned));
        Assert.Equal(HostKeyVerdict.Unknown, file.Check("10.0.0.11", Pinned));
        Assert.Equal(HostKeyVerdict.Changed, file.Check("[10.0.0.11]:2222", Other));
    }

    [Fact]
    public void A_port_other_than_22_is_a_host_of_its_own()
    {
        var file = File($"10.0.0.11 ssh-ed25519 {B64(Pinned)}");

        Assert.Equal(HostKeyVerdict.Unknown, file.Check("[10.0.0.11]:2222", Pinned));
    }

    [Fact]
    public void Another_key_for_a_pinned_host_is_a_changed_key()
    {
        Assert.Equal(HostKeyVerdict.Changed, File($"10.0.0.11 ssh-ed25519 {B64(Pinned)}").Check("10.0.0.11", Other));
    }

    [Fact]
    public void A_negated_pattern_excludes_a_host_a_wildcard_would_match()
    {
        var file = File($"10.0.0.*,!10.0.0.13 ssh-ed25519 {B64(Pinned)}");

        Assert.Equal(HostKeyVerdict.Trusted, file.Check("10.0.0.12", Pinned));
        Assert.Equal(HostKeyVerdict.Unknown, file.Check("10.0.0.13", Pinned));
    }

    [Fact]
    public void A_revoked_key_is_refused_even_where_it_is_pinned()
    {
        var file = File($"10.0.0.11 ssh-ed25519 {B64(Pinned)}", $"@revoked * ssh-ed25519 {B64(Pinned)}");

        Assert.Equal(HostKeyVerdict.Revoked, file.Check("10.0.0.11", Pinned));
    }

    [Fact]
    public void Certificate_authorities_and_comments_pin_nothing()
    {
        var file = File("# a comment", $"@cert-authority *.example.org ssh-ed25519 {B64(Pinned)}", "");

        Assert.Equal(HostKeyVerdict.Unknown, file.Check("alfa01.example.org", Pinned));
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Lines_that_cannot_be_read_are_reported_with_their_number_and_pin_nothing()
    {
        var file = File($"10.0.0.11 ssh-ed25519 {B64(Pinned)}", "10.0.0.12 ssh-ed25519", "10.0.0.13 ssh-ed25519 %%%", "@bogus 10.0.0.14 ssh-ed25519 AAAA");

        Assert.Collection(file.Errors,
            error => Assert.Equal("known_hosts:2: expected: hosts key-type base64-key [comment]", error),
            error => Assert.StartsWith("known_hosts:3: not a known_hosts entry: ", error),
            error => Assert.Equal("known_hosts:4: unknown marker @bogus", error));
        Assert.Equal(HostKeyVerdict.Trusted, file.Check("10.0.0.11", Pinned));
    }

    [Fact]
    public void The_key_types_pinned_for_a_host_are_the_ones_negotiated()
    {
        var file = File($"10.0.0.11 ssh-ed25519 {B64(Pinned)}", $"10.0.0.11 ecdsa-sha2-nistp256 {B64(Other)}", $"10.0.0.12 ssh-rsa {B64(Other)}");

        Assert.Equal(new HashSet<string> { "ssh-ed25519", "ecdsa-sha2-nistp256" }, file.KeyTypesFor("10.0.0.11"));
    }

    private static KnownHostsFile File(params string[] lines) => KnownHostsFile.Parse(lines, "known_hosts");

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes);
}
