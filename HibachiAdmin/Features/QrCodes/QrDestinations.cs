using System.Globalization;
using System.Text;
using HibachiAdmin.Common;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// A destination as a <c>Location</c> header can carry it. A header is ASCII only (Kestrel refuses anything
/// else, which made every scan of "https://example.com/menü" a 500), so a URL typed with non-ASCII text is
/// stored and sent as the browser would send it: the host in punycode (IDNA, STD3 rules) and every other
/// non-ASCII character as %XX of its UTF-8. Done once, when a code is saved or its target is cached, never per scan.
/// </summary>
public static class QrDestinations
{
    /// <returns>
    /// The URL in ASCII: the same string when it already is ASCII; null when it has a control or bidi
    /// character (<see cref="UnsafeText"/>), an unpaired surrogate, or a host that is no valid domain name.
    /// Expects an absolute URL that starts with its scheme and "://" (see <see cref="QrLinks.DestinationError"/>).
    /// </returns>
    public static string? ToAscii(string url)
    {
        var ascii = true;
        foreach (var c in url)
        {
            if (UnsafeText.IsUnsafe(c))
            {
                return null;
            }
            ascii &= char.IsAscii(c);
        }
        if (ascii)
        {
            return url;
        }
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        if (authorityStart < 3)
        {
            return null;
        }
        // Browsers end the authority at '\' too for http(s); so does System.Uri.
        var authorityEnd = url.IndexOfAny(['/', '?', '#', '\\'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        var authority = url[authorityStart..authorityEnd];
        var colon = authority.LastIndexOf(':');
        var (host, port) = colon < 0 ? (authority, "") : (authority[..colon], authority[colon..]);
        string asciiHost;
        try
        {
            asciiHost = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        var sb = new StringBuilder(url.Length * 2);
        sb.Append(url[..authorityStart].ToLowerInvariant()).Append(asciiHost);
        if (!AppendEncoded(sb, port) || !AppendEncoded(sb, url.AsSpan(authorityEnd)))
        {
            return null;
        }
        var encoded = sb.ToString();
        // The result must mean the same URL to System.Uri (and so to a browser): same host, an http(s) scheme.
        return Uri.TryCreate(encoded, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.Equals(uri.IdnHost, asciiHost, StringComparison.Ordinal) ? encoded : null;
    }

    /// <summary>ASCII as is (escapes already in the text stay as they are); anything else as %XX of its UTF-8.</summary>
    private static bool AppendEncoded(StringBuilder sb, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }
            if (rune.IsAscii)
            {
                sb.Append((char)rune.Value);
            }
            else
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            text = text[used..];
        }
        return true;
    }
}
