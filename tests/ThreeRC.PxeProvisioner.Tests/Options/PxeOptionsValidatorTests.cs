using ThreeRC.PxeProvisioner.Options;

namespace ThreeRC.PxeProvisioner.Tests.Options;

public class PxeOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new PxeOptionsValidator().Validate(null, new PxeOptions()).Succeeded);
    }

    [Fact]
    public void A_full_configuration_is_valid()
    {
        var options = new PxeOptions
        {
            TftpRoot = "/srv/tftp",
            CallbackBaseUrl = "http://10.0.0.2:5085/",
            TokenLifetime = TimeSpan.FromHours(2),
            SweepInterval = TimeSpan.FromSeconds(30),
            EndedIncidentRetention = TimeSpan.FromDays(90),
            DnsmasqHinfoFile = "/etc/dnsmasq.d/threerc-hinfo.conf",
        };

        Assert.True(new PxeOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("ftp://10.0.0.2/", "Pxe:CallbackBaseUrl: 'ftp://10.0.0.2/' is not an absolute http:// or https:// URL")]
    [InlineData("10.0.0.2:5085", "Pxe:CallbackBaseUrl: '10.0.0.2:5085' is not an absolute http:// or https:// URL")]
    [InlineData("http://10.0.0.2:5085/?a=b", "Pxe:CallbackBaseUrl: 'http://10.0.0.2:5085/?a=b' must not carry a user, a query, a fragment or spaces: it goes into a kernel command line")]
    [InlineData("http://admin:secret@10.0.0.2/", "Pxe:CallbackBaseUrl: 'http://admin:secret@10.0.0.2/' must not carry a user, a query, a fragment or spaces: it goes into a kernel command line")]
    public void A_call_back_URL_that_cannot_go_into_a_kernel_command_line_is_refused(string url, string failure)
    {
        var result = new PxeOptionsValidator().Validate(null, new PxeOptions { CallbackBaseUrl = url });

        Assert.Equal([failure], result.Failures);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    [InlineData("8.00:00:00")]
    public void A_token_lifetime_outside_zero_to_seven_days_is_refused(string lifetime)
    {
        var result = new PxeOptionsValidator().Validate(null, new PxeOptions { TokenLifetime = TimeSpan.Parse(lifetime) });

        Assert.StartsWith("Pxe:TokenLifetime:", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:10")]
    [InlineData("01:00:01")]
    public void A_sweep_interval_outside_zero_to_one_hour_is_refused(string interval)
    {
        var result = new PxeOptionsValidator().Validate(null, new PxeOptions { SweepInterval = TimeSpan.Parse(interval) });

        Assert.Equal([$"Pxe:SweepInterval: {TimeSpan.Parse(interval)} must be more than zero and at most 1 hour"], result.Failures);
    }

    [Theory]
    [InlineData("00:59:59")]
    [InlineData("366.00:00:00")]
    public void An_ended_incident_retention_shorter_than_a_token_or_over_a_year_is_refused(string retention)
    {
        var result = new PxeOptionsValidator().Validate(null, new PxeOptions { EndedIncidentRetention = TimeSpan.Parse(retention) });

        Assert.Equal([$"Pxe:EndedIncidentRetention: {TimeSpan.Parse(retention)} must be at least Pxe:TokenLifetime (01:00:00) and at most 365 days"], result.Failures);
    }

    [Fact]
    public void Paths_with_spaces_or_quotes_are_refused()
    {
        var result = new PxeOptionsValidator().Validate(null, new PxeOptions { TftpRoot = "/srv/my tftp", DnsmasqHinfoFile = "/etc/\"x\"" });

        Assert.Equal(2, result.Failures!.Count());
        Assert.All(result.Failures!, failure => Assert.Contains("is not a plain path", failure));
    }
}

public sealed class PxeOptionsAtStartTests : IDisposable
{
    private readonly ThreeRC.Testing.TempDirectory _data = new("pxe-options");

    [Fact]
    public async Task An_invalid_Pxe_section_stops_the_provisioner_before_it_starts_and_says_which_key()
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            Support.ProvisionerHost.StartAsync(_data, _data.Combine("tftp"),
                settings: new Dictionary<string, string?> { ["Pxe:CallbackBaseUrl"] = "ftp://10.0.0.2/" }));

        Assert.Contains("Pxe:CallbackBaseUrl: 'ftp://10.0.0.2/' is not an absolute http:// or https:// URL", failure.Failures);
        Assert.False(Directory.Exists(_data.Combine("tftp", "pxelinux.cfg")));
    }

    public void Dispose() => _data.Dispose();
}
