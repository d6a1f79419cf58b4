namespace HibachiAdmin.Common;

/// <summary>
/// Characters that change what a person sees without being seen themselves: C0 and C1 controls and DEL
/// (a BEL, an ESC sequence or a line break inside a name reaches a phone as is) and the Unicode bidi
/// marks, embeddings, overrides and isolates (U+202E shows "exe.gpj" as "jpg.exe", the Trojan Source trick).
/// </summary>
public static class UnsafeText
{
    /// <summary>ALM, LRM, RLM, LRE…RLO (U+202A–U+202E) and LRI…PDI (U+2066–U+2069).</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool IsUnsafe(char c) => char.IsControl(c) || IsBidiControl(c);

    public static bool ContainsUnsafe(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }
        return false;
    }
}
