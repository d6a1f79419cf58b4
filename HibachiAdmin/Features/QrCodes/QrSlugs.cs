using System.Security.Cryptography;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>Short slugs that cannot be guessed in sequence (random, no look-alike characters).</summary>
public static class QrSlugs
{
    public const int Length = 7;
    public const int MaxLength = 32;

    /// <summary>No 0/o, 1/l/i: a slug read off a flyer is typed right.</summary>
    public const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }

    /// <summary>The only strings ever looked up: 1–32 of a–z, 0–9 and '-' (after lower-casing). Anything else is a 404 without a query.</summary>
    public static string? Normalize(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength)
        {
            return null;
        }
        foreach (var c in slug)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-'))
            {
                return null;
            }
        }
        return slug.ToLowerInvariant();
    }
}
