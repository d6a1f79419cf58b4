using System.Text.RegularExpressions;
using HibachiAdmin.Common;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Fills a saved reply's merge fields: <c>{FirstName}</c>, <c>{EventDate}</c> and <c>{DepositLink}</c>, each with an
/// optional fallback after a bar (<c>{FirstName|there}</c>). A field with no value and no fallback becomes nothing and is
/// reported, so the composer can say what is missing before anyone sends it. Unknown fields stay as written. Pure.
/// </summary>
public static partial class SavedReplyMerge
{
    public const string FirstName = "FirstName";
    public const string EventDate = "EventDate";
    public const string DepositLink = "DepositLink";

    /// <summary>Whether the body uses a field (so a pay link is only made when a reply asks for one).</summary>
    public static bool Uses(string body, string field) =>
        Field().Matches(body).Any(m => string.Equals(m.Groups["field"].Value, field, StringComparison.OrdinalIgnoreCase));

    public static (string Text, IReadOnlyList<string> Missing) Render(string body, MergeValues values)
    {
        var missing = new List<string>();
        var text = Field().Replace(body, m =>
        {
            var field = m.Groups["field"].Value;
            var value = field.ToLowerInvariant() switch
            {
                "firstname" => values.FirstName,
                "eventdate" => values.EventDate,
                "depositlink" => values.DepositLink,
                _ => m.Value,
            };
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
            if (m.Groups["fallback"].Success)
            {
                return m.Groups["fallback"].Value;
            }
            missing.Add(field);
            return "";
        });
        // A field left empty must not leave a double space or a space before punctuation ("Hi , …").
        text = Spaces().Replace(text, " ");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return (text.Trim(), missing);
    }

    /// <summary>The first name of a contact's name: none for a name made of a number ("(212) 555-0147").</summary>
    public static string? FirstNameOf(string? name)
    {
        var first = PersonNames.Clean(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null || first.Any(char.IsDigit) || first.StartsWith('(') || first.StartsWith('+') ? null : first;
    }

    [GeneratedRegex(@"\{(?<field>[A-Za-z]+)(\|(?<fallback>[^}]*))?\}")]
    private static partial Regex Field();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" ([,.!?;:])")]
    private static partial Regex SpaceBeforePunctuation();
}
