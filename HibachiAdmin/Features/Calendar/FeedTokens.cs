using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HibachiAdmin.Features.Calendar;

/// <summary>Calendar feed tokens: 128 random bits as 22 base64url characters; only their SHA-256 is stored.</summary>
public static class FeedTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>True for the shape a token has (22 base64url characters): anything else never reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
