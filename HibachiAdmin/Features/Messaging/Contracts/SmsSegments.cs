using System.Collections.Frozen;
using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Messaging.Contracts;

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
        var (encoding, pieces) = Pieces(text);
        return new SegmentCount(encoding, characters, pieces.Sum(p => p.Size), Layout(pieces, encoding).Count);
    }

    /// <summary>
    /// The parts a phone receives: each within 160/153 septets or 70/67 UTF-16 units, filled greedily, and
    /// never splitting an extension character (ESC pair) or a surrogate pair. Joined, they are the text.
    /// </summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (encoding, pieces) = Pieces(text);
        return [.. Layout(pieces, encoding).Select(range => text.Substring(range.Start, range.Length))];
    }

    /// <summary>The text as indivisible pieces: (index in the string, chars, units it costs).</summary>
    private static (SmsEncoding Encoding, List<(int Index, int Chars, int Size)> Pieces) Pieces(string text)
    {
        var pieces = new List<(int Index, int Chars, int Size)>(text.Length);
        if (text.All(c => BasicSet.Contains(c) || ExtensionSet.Contains(c)))
        {
            for (var i = 0; i < text.Length; i++)
            {
                pieces.Add((i, 1, ExtensionSet.Contains(text[i]) ? 2 : 1));
            }
            return (SmsEncoding.Gsm7, pieces);
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                pieces.Add((i, 2, 2));
                i++;
            }
            else
            {
                pieces.Add((i, 1, 1));
            }
        }
        return (SmsEncoding.Ucs2, pieces);
    }

    /// <summary>Fills parts greedily; a piece that does not fit whole moves to the next part. An empty text is one (empty) part.</summary>
    private static List<(int Start, int Length)> Layout(List<(int Index, int Chars, int Size)> pieces, SmsEncoding encoding)
    {
        var (single, multi) = encoding == SmsEncoding.Gsm7 ? (160, 153) : (70, 67);
        var total = pieces.Sum(p => p.Size);
        var length = pieces.Count == 0 ? 0 : pieces[^1].Index + pieces[^1].Chars;
        if (total <= single)
        {
            return [(0, length)];
        }
        var parts = new List<(int Start, int Length)>();
        var start = 0;
        var used = 0;
        foreach (var piece in pieces)
        {
            if (used + piece.Size > multi)
            {
                parts.Add((start, piece.Index - start));
                start = piece.Index;
                used = 0;
            }
            used += piece.Size;
        }
        parts.Add((start, length - start));
        return parts;
    }
}
