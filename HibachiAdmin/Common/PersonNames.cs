using System.Text;

namespace HibachiAdmin.Common;

/// <summary>
/// The one way a person's name is cleaned, at every door it comes in by (contact API and dialog, CSV
/// import, inquiry form, inbound SMS, calls and Meta profiles) and again where a stored name is merged
/// into a text: a name is read by people and sent inside SMS, so it keeps no control or bidi characters
/// (<see cref="UnsafeText"/>) and has single spaces between its words.
/// </summary>
public static class PersonNames
{
    /// <returns>The cleaned name; "" when nothing readable is left (callers treat that as no name).</returns>
    public static string Clean(string? name)
    {
        if (name is null)
        {
            return "";
        }
        var sb = new StringBuilder(name.Length);
        var gap = false;
        foreach (var c in name)
        {
            // Line breaks and tabs are controls too, but they separate words: they become the one space.
            if (char.IsWhiteSpace(c))
            {
                gap = sb.Length > 0;
            }
            else if (!UnsafeText.IsUnsafe(c))
            {
                if (gap)
                {
                    sb.Append(' ');
                    gap = false;
                }
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
