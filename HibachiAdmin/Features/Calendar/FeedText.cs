using System.Text.RegularExpressions;

namespace HibachiAdmin.Features.Calendar;

/// <summary>Free text on its way into the business feed: anything shaped like a phone number is taken out (an address or a
/// package someone typed a number into must not carry a customer's phone to every calendar the feed reaches).</summary>
public static partial class FeedText
{
    public const string Removed = "(number removed)";

    public static string? WithoutPhones(string? text) => text is null ? null : PhoneLike().Replace(text, Removed);

    // Ten or more digits with the separators people type between them (+1 (212) 555-1234, 212.555.1234, 2125551234).
    [GeneratedRegex(@"\+?\d(?:[\s().\-]{0,3}\d){9,14}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PhoneLike();
}
