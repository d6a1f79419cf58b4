using System.Text.RegularExpressions;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Classifies an inbound text (CTIA Messaging Principles and Best Practices, opt-out keywords; FCC 24-24 on reasonable opt-out methods): exact single keywords after
/// trimming, case folding and dropping spaces, hyphens and end punctuation; plus free-text wording a
/// reasonable person reads as "stop texting me" (FCC 24-24), in English and Spanish.
/// </summary>
public static partial class SmsKeywords
{
    private static readonly HashSet<string> OptOutWords = new(StringComparer.Ordinal) { "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout" };
    private static readonly HashSet<string> OptInWords = new(StringComparer.Ordinal) { "start", "unstop", "yes" };
    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal) { "help", "info" };

    public static KeywordKind Classify(string? text, SmsConsent currentConsent)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return KeywordKind.None;
        }
        var word = Normalize(text);
        if (OptOutWords.Contains(word))
        {
            return KeywordKind.OptOut;
        }
        if (OptInWords.Contains(word))
        {
            // "YES" usually answers a question; it opts in only someone who is opted out or was asked to confirm.
            return word == "yes" && currentConsent is not (SmsConsent.OptedOut or SmsConsent.PendingConfirmation) ? KeywordKind.None : KeywordKind.OptIn;
        }
        if (HelpWords.Contains(word))
        {
            return KeywordKind.Help;
        }
        if (FreeTextOptOut().IsMatch(text))
        {
            return KeywordKind.OptOut;
        }
        var firstWord = FirstWord().Match(text.Trim().ToLowerInvariant()).Value;
        return OptOutWords.Contains(firstWord) ? KeywordKind.Review : KeywordKind.None;
    }

    private static string Normalize(string text) =>
        new string(text.Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '!' or '_')).ToArray());

    [GeneratedRegex(@"\b(stop|quit|cease|no more|don'?t|do not|never)\b.{0,20}\b(text|texting|texts|message|messages|messaging|sms|contact|contacting)\b|\bno more (texts|messages)\b|\b(remove|take) me off\b|\bopt me out\b|\bunsubscribe me\b|\bno m[aá]s\b|\bya no (me )?(env[ií]en|manden|escriban)\b|\bdeja de (enviar|escribir)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FreeTextOptOut();

    [GeneratedRegex(@"^[a-z]+")]
    private static partial Regex FirstWord();
}
