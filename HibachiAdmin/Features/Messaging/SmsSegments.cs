using System.Collections.Frozen;

namespace HibachiAdmin.Features.Messaging;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <param name="Units">GSM-7 septets, or UTF-16 code units for UCS-2.</param>
public sealed record SegmentCount(SmsEncoding Encoding, int Characters, int Units, int Segments)
{
    public string EncodingName => Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2";
}

/// <summary>
/// Exact SMS segment counting (3GPP TS 23.038 alphabets; TS 23.040 concatenation headers): GSM-7 basic/extension tables (extension characters
/// cost two septets), 160/153 septets or 70/67 UTF-16 units, and a two-unit character (ESC pair or
/// surrogate pair) never split across parts.
/// </summary>
public static class SmsSegments
{
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "\f^{}\\[~]|€";

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();
    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    public static SegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var characters = System.Globalization.StringInfo.ParseCombiningCharacters(text).Length;
        if (text.All(c => BasicSet.Contains(c) || ExtensionSet.Contains(c)))
        {
            var sizes = text.Select(c => ExtensionSet.Contains(c) ? 2 : 1).ToList();
            return new SegmentCount(SmsEncoding.Gsm7, characters, sizes.Sum(), Parts(sizes, single: 160, multi: 153));
        }
        var units = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                units.Add(2);
                i++;
            }
            else
            {
                units.Add(1);
            }
        }
        return new SegmentCount(SmsEncoding.Ucs2, characters, units.Sum(), Parts(units, single: 70, multi: 67));
    }

    /// <summary>Fills parts greedily; a character that does not fit whole moves to the next part.</summary>
    private static int Parts(List<int> sizes, int single, int multi)
    {
        var total = sizes.Sum();
        if (total == 0)
        {
            return 1;
        }
        if (total <= single)
        {
            return 1;
        }
        var parts = 1;
        var used = 0;
        foreach (var size in sizes)
        {
            if (used + size > multi)
            {
                parts++;
                used = 0;
            }
            used += size;
        }
        return parts;
    }
}
