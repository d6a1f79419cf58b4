using System.Text.RegularExpressions;

namespace HibachiAdmin.Common;

/// <summary>
/// Masks personal data for logs: a log at Information is kept and shipped widely, so it shows
/// enough to correlate ("+1•••••••11", "o•••@example.com") and not the number or address itself.
/// </summary>
public static partial class Pii
{
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }
        var digits = phone.Count(char.IsDigit);
        if (digits <= 4)
        {
            return new string('•', phone.Length);
        }
        // Keep the "+1" country prefix and the last two digits.
        var keepStart = phone.StartsWith("+1", StringComparison.Ordinal) ? 2 : phone.StartsWith('+') ? 1 : 0;
        return phone[..keepStart] + new string('•', Math.Max(phone.Length - keepStart - 2, 0)) + phone[^2..];
    }

    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? new string('•', email.Length) : email[0] + "•••" + email[at..];
    }

    /// <summary>Masks every email address and phone-like number in free text (e.g. an actor name).</summary>
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? "" : PhoneLike().Replace(EmailLike().Replace(text, m => Email(m.Value)), m => Phone(m.Value));

    [GeneratedRegex(@"[^\s@<>""']+@[^\s@<>""']+")]
    private static partial Regex EmailLike();

    [GeneratedRegex(@"\+?\d[\d\s().-]{6,}\d")]
    private static partial Regex PhoneLike();
}
