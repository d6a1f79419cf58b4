using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Links of our own (issue 26.4): every http(s) or www. link in a campaign's message becomes a per-recipient link on our
/// host, <c>{base}/l/{code}</c>, so a click is the person's and the campaign's (carriers filter public shorteners).
/// Pure. A template is prepared once with placeholder codes of the final length, so the estimate, the preview and the
/// sender count the segments of the text that really goes out; the sender swaps each placeholder for the recipient's code.
/// </summary>
public static partial class CampaignLinks
{
    /// <summary>62^8 ≈ 2.2 × 10^14 codes (47 bits, from the OS's CSPRNG): a guesser with a million live links needs ~200 million tries per hit.</summary>
    public const int CodeLength = 8;

    /// <summary>The route's prefix, before the code.</summary>
    public const string PathPrefix = "/l/";

    /// <summary>Upper and lower letters and digits: all GSM-7 basic characters, so a code never changes a text's encoding.</summary>
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Same length and encoding as a code, and never one ('-' is not in <see cref="Alphabet"/>).</summary>
    public static readonly string Placeholder = new('-', CodeLength);

    /// <summary>The longest destination kept (a longer link is left as written, untracked).</summary>
    public const int MaxDestination = 2000;

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>A code as it can be stored: exactly <see cref="CodeLength"/> characters of <see cref="Alphabet"/>. Anything else is a 404 without a query.</summary>
    public static bool IsCode(string? code)
    {
        if (code is null || code.Length != CodeLength)
        {
            return false;
        }
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The base of our links: <c>Qr:PublicBaseUrl</c> (the app's public address), else the app's own address as the caller sees it.</summary>
    public static string Base(IConfiguration configuration, string appBaseUri) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : appBaseUri.TrimEnd('/');

    /// <summary>The links of a message, in order, as they will be tracked (destinations of link 1, 2, …).</summary>
    public static IReadOnlyList<string> Destinations(string message) =>
        [.. Link().Matches(message).Select(m => Destination(m.Value)).OfType<string>()];

    /// <summary>
    /// The message with each link replaced by <c>{linkBase}/l/{placeholder}</c>; unchanged without a base (a campaign from
    /// before tracked links). Links already on our host's <c>/l/</c> stay as written.
    /// </summary>
    public static string Prepare(string message, string? linkBase)
    {
        if (string.IsNullOrEmpty(linkBase))
        {
            return message;
        }
        var prefix = linkBase.TrimEnd('/') + PathPrefix;
        return Link().Replace(message, m => Destination(m.Value) is null ? m.Value : prefix + Placeholder);
    }

    /// <summary>The tracked destination of one matched link: null for our own tracked links and over-long ones.</summary>
    private static string? Destination(string link)
    {
        if (link.Length > MaxDestination || link.Contains(PathPrefix + Placeholder, StringComparison.Ordinal))
        {
            return null;
        }
        return link.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + link : link;
    }

    /// <summary>
    /// A prepared, rendered text with its placeholders replaced by <paramref name="codes"/> in order. Fewer codes than
    /// placeholders (a message edited after the send started cannot happen, but a row from before tracked links can) leave
    /// the rest as they are, which the caller treats as "not ready".
    /// </summary>
    public static string Personalise(string text, IReadOnlyList<string> codes)
    {
        if (codes.Count == 0)
        {
            return text;
        }
        var marker = PathPrefix + Placeholder;
        var result = new StringBuilder(text.Length);
        var start = 0;
        foreach (var code in codes)
        {
            var at = text.IndexOf(marker, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
            result.Append(text, start, at - start).Append(PathPrefix).Append(code);
            start = at + marker.Length;
        }
        return result.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>Whether a text still has a placeholder (its codes were never written).</summary>
    public static bool HasPlaceholder(string text) => text.Contains(PathPrefix + Placeholder, StringComparison.Ordinal);

    /// <summary>
    /// An http(s) URL or a www. host with its path, up to the first space or merge-field brace; trailing sentence
    /// punctuation is not part of it ("Book at https://x.example/menu." links to /menu).
    /// </summary>
    [GeneratedRegex(@"(?:https?://|(?<![\w./-])www\.)[^\s{}<>""]+(?<![.,;:!?)'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
