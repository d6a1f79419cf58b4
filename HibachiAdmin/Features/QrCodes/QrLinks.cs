using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using HibachiAdmin.Common;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>URLs of a code: the one printed, the one shared, and where a scan is sent (with its UTM parameters).</summary>
public static class QrLinks
{
    /// <summary>The query marker only the printed code carries: <c>/q/{slug}?qr=1</c>.</summary>
    public const string PrintedMarker = "qr";

    public static string ScanUrl(string baseUrl, string slug) => $"{baseUrl.TrimEnd('/')}/q/{slug}?{PrintedMarker}=1";

    /// <summary>
    /// Whether a request's query string ("?qr=1&amp;x=2") has the printed marker as a key, in any letter case and with
    /// any value: what <c>Request.Query.ContainsKey</c> answers, without building the query collection on every scan.
    /// A key with an escape (% or +) is left to the framework's own parser.
    /// </summary>
    public static bool HasPrintedMarker(string? queryString)
    {
        if (string.IsNullOrEmpty(queryString))
        {
            return false;
        }
        var rest = queryString.AsSpan(queryString[0] == '?' ? 1 : 0);
        while (true)
        {
            var end = rest.IndexOf('&');
            var pair = end < 0 ? rest : rest[..end];
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (key.ContainsAny('%', '+'))
            {
                return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString).ContainsKey(PrintedMarker);
            }
            if (key.Equals(PrintedMarker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (end < 0)
            {
                return false;
            }
            rest = rest[(end + 1)..];
        }
    }

    public static string ShareUrl(string baseUrl, string slug) => $"{baseUrl.TrimEnd('/')}/q/{slug}";

    public static string InquiryPath(string slug) => $"/inquiry/{slug}";

    /// <summary>
    /// The redirect's Location: the inquiry form's path, or the destination in ASCII (<see cref="QrDestinations.ToAscii"/>)
    /// with utm_source, utm_medium, utm_campaign and utm_content appended in that order (empty ones left out).
    /// A parameter the destination already has is kept as written and not added again; a #fragment stays last.
    /// Null when the stored destination is not one <see cref="DestinationError"/> accepts (rows saved before
    /// a check existed): never sent on, never a 500.
    /// </summary>
    public static string? Destination(QrTarget target)
    {
        if (target.UsesInquiryForm || target.DestinationUrl is null)
        {
            return InquiryPath(target.Slug);
        }
        if (DestinationError(target.DestinationUrl) is not null)
        {
            return null;
        }
        var url = QrDestinations.ToAscii(target.DestinationUrl)!;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[hash..] : "";
        var head = hash >= 0 ? url[..hash] : url;
        var question = head.IndexOf('?', StringComparison.Ordinal);
        var existing = question >= 0 ? ExistingKeys(head[(question + 1)..]) : [];
        var builder = new StringBuilder(head);
        var separator = question < 0 ? '?' : head.EndsWith('?') || head.EndsWith('&') ? '\0' : '&';
        foreach (var (key, value) in new[]
                 {
                     ("utm_source", target.UtmSource), ("utm_medium", target.UtmMedium),
                     ("utm_campaign", target.UtmCampaign), ("utm_content", target.UtmContent),
                 })
        {
            if (string.IsNullOrEmpty(value) || existing.Contains(key))
            {
                continue;
            }
            if (separator != '\0')
            {
                builder.Append(separator);
            }
            builder.Append(key).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return builder.Append(fragment).ToString();
    }

    private static HashSet<string> ExistingKeys(string query)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            keys.Add(Uri.UnescapeDataString(eq >= 0 ? pair[..eq] : pair));
        }
        return keys;
    }

    /// <returns>null when <paramref name="url"/> is an absolute http or https URL with a host and no user info; else why not.</returns>
    public static string? DestinationError(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Expected an http or https URL.";
        }
        if (url.Length > QrCode.MaxUrl)
        {
            return $"At most {QrCode.MaxUrl} characters.";
        }
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "A URL may not contain spaces or control characters.";
        }
        if (url.Any(UnsafeText.IsBidiControl))
        {
            return "A URL may not contain bidirectional-text characters (such as U+202E): they disguise where it leads.";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || !url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            return "Expected an http or https URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "A URL with a user name or password is not accepted.";
        }
        if (QrDestinations.ToAscii(url) is not { } ascii)
        {
            return "Expected a URL whose host is a valid domain name (international names are accepted).";
        }
        // Stored encoded: "ü" takes 6 characters there, and the column holds MaxUrl.
        if (ascii.Length > QrCode.MaxUrl)
        {
            return $"At most {QrCode.MaxUrl} characters once encoded for the web (this one has {ascii.Length}).";
        }
        return null;
    }

    /// <summary>UTM defaults: source from the type, medium "qr", campaign and content (placement) as lower-case words joined by '-'.</summary>
    public static (string Source, string Medium, string? Campaign, string? Content) DefaultUtm(QrCodeType type, string? campaign, string? venue, int? table)
    {
        var content = Kebab(venue);
        if (table is { } number)
        {
            content = content is null ? $"table-{number}" : $"{content}-table-{number}";
        }
        return (Kebab(type.ToString())!, "qr", Kebab(campaign), content);
    }

    /// <summary>"BusinessCard" → "business-card", "Smith Wedding 2027!" → "smith-wedding-2027"; null when nothing is left.</summary>
    public static string? Kebab(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var sb = new StringBuilder();
        var previousLower = false;
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                // previousLower: the last character written is a lower-case letter or digit (never the start, never a '-').
                if (char.IsUpper(c) && previousLower)
                {
                    sb.Append('-');
                }
                sb.Append(char.ToLowerInvariant(c));
                previousLower = char.IsLower(c) || char.IsDigit(c);
            }
            else
            {
                if (sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
                previousLower = false;
            }
        }
        // Never a leading '-' (none is written first); cut to the column, then drop a trailing one.
        var result = sb.ToString();
        result = result[..Math.Min(result.Length, QrCode.MaxUtm)].TrimEnd('-');
        return result.Length == 0 ? null : result;
    }
}
