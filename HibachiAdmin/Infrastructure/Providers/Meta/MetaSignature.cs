using System.Security.Cryptography;
using System.Text;

namespace HibachiAdmin.Infrastructure.Providers.Meta;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with the App Secret&gt;</c>.
/// Computed over the bytes exactly as received (Meta signs the escaped-unicode form it sends; hashing a
/// re-serialised body fails) and compared in constant time.
/// </summary>
public static class MetaSignature
{
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || header.Length != Prefix.Length + 64)
        {
            return false;
        }
        // Exactly 64 characters after the prefix: all of them hex fill the 32 bytes (this span overload
        // reports bad characters as InvalidData rather than throwing).
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), given, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>The header value for <paramref name="body"/> (tests, the sandbox's simulated webhooks).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
