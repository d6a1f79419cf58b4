using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// Stripe's webhook signature: <c>Stripe-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{raw body}"}</c>
/// with the endpoint secret, possibly with several <c>v1</c> values (during a secret roll) and other schemes to
/// ignore. Valid when any <c>v1</c> matches in constant time and <c>t</c> is within the tolerance of now.
/// </summary>
public static class StripeSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    public static string Sign(byte[] body, string secret, long timestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(Mac(body, secret, timestamp))}");

    public static bool IsValid(byte[] body, string? header, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(secret) || header.Length > 2000)
        {
            return false;
        }
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && value.Length == 64 && TryHex(value) is { } bytes)
            {
                signatures.Add(bytes);
            }
        }
        if (timestamp is not { } at || signatures.Count == 0)
        {
            return false;
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - at) > Tolerance.TotalSeconds)
        {
            return false;
        }
        var expected = Mac(body, secret, at);
        var match = false;
        foreach (var signature in signatures)
        {
            // Every value is compared (no early exit), each in constant time.
            match |= CryptographicOperations.FixedTimeEquals(signature, expected);
        }
        return match;
    }

    private static byte[] Mac(byte[] body, string secret, long timestamp)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static byte[]? TryHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
