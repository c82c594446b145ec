using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Tests.Commands;

public sealed class ShellQuoteTests
{
    [Theory]
    [InlineData("gridce", "gridce")]
    [InlineData("/srv/vm/gridce.xml", "/srv/vm/gridce.xml")]
    [InlineData("vmsvc/power.getstate", "vmsvc/power.getstate")]
    [InlineData("", "''")]
    [InlineData("two words", "'two words'")]
    [InlineData("gridce;reboot", "'gridce;reboot'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    [InlineData("it's", @"'it'\''s'")]
    public void A_word_is_left_alone_only_when_no_shell_would_read_it_differently(string word, string quoted)
    {
        Assert.Equal(quoted, ShellQuote.Quote(word));
    }

    [Fact]
    public async Task A_quoted_word_reaches_a_real_shell_unchanged()
    {
        const string nasty = "a b'c\"d$(echo x)`e`;f|g&h\\i*";

        var result = await ThreeRC.Testing.Command.RunAsync("sh", ["-c", $"printf %s {ShellQuote.Quote(nasty)}"], TimeSpan.FromSeconds(10));

        Assert.Equal(nasty, result.Output.TrimEnd('\n'));
    }

    [Fact]
    public void A_command_line_quotes_each_word()
    {
        Assert.Equal("vim-cmd solo/registervm '/vmfs/volumes/data store/x.vmx' gridce",
            RemoteCommand.Of("vim-cmd", "solo/registervm", "/vmfs/volumes/data store/x.vmx", "gridce").Text);
    }
}
