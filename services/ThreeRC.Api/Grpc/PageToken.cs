using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ThreeRC.Api.Persistence;

namespace ThreeRC.Api.Grpc;

/// <summary>
/// The opaque next_page_token of ListRecoveries: where the page ended, and a fingerprint of the filter, so that
/// a token is not reused with another filter.
/// </summary>
public static class PageToken
{
    public static string Encode(RecoveryCursor cursor, RecoveryFilter filter) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{cursor.StartedAt.UtcTicks}.{cursor.Id:N}.{Fingerprint(filter)}")));

    public static RecoveryCursor? Decode(string token, RecoveryFilter filter)
    {
        if (token.Length == 0) return null;
        var parts = TryText(token)?.Split('.');
        if (parts is not [var ticks, var id, var fingerprint]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(id, "N", out var guid))
            throw Require.Invalid("page_token: not a token this Api issued; pass the next_page_token of the previous page, or nothing");
        if (fingerprint != Fingerprint(filter))
            throw Require.Invalid("page_token: it was issued for other filters; repeat the filters of the first page");
        return new RecoveryCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), guid);
    }

    private static string? TryText(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Fingerprint(RecoveryFilter filter) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{filter.VmName}|{filter.State}|{filter.StartedAfter?.UtcTicks}|{filter.StartedBefore?.UtcTicks}"))))[..12];
}
