using CsCheck;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>Splitting any text gives exactly the counted segments, each within its limit, nothing split that must stay whole.</summary>
public sealed class SmsSegmentSplitPropertyTests
{
    // Pools the generator draws characters from: GSM-7 basic, GSM-7 extension (two septets each),
    // other BMP characters (force UCS-2) and emoji (surrogate pairs).
    private static readonly string[] Pool =
    [
        .. "abcXYZ 019.,!?@£$¥èÇØΔ_\n".Select(c => c.ToString()),
        .. "^{}\\[~]|€".Select(c => c.ToString()),
        "’", "–", "é́", "中", "Ω", "ü",
        "🎉", "👍", "🍤", "🔥",
    ];

    private static readonly Gen<string> Texts =
        Gen.Int[0, Pool.Length - 1].Array[0, 420].Select(ix => string.Concat(ix.Select(i => Pool[i])));

    /// <summary>Septets (GSM-7) or UTF-16 units (UCS-2) of a part, read independently of the code under test.</summary>
    private static int Units(string part, bool gsm) => gsm ? part.Sum(c => "^{}\\[~]|€\f".Contains(c) ? 2 : 1) : part.Length;

    [Fact]
    public void Any_text_splits_into_the_counted_segments_within_limits_without_breaking_a_pair()
    {
        Texts.Sample(text =>
        {
            var count = SmsSegments.Count(text);
            var parts = SmsSegments.Split(text);
            var gsm = count.Encoding == SmsEncoding.Gsm7;
            var (single, multi) = gsm ? (160, 153) : (70, 67);
            Assert.Equal(count.Segments, parts.Count);
            Assert.Equal(text, string.Concat(parts));
            if (parts.Count == 1)
            {
                Assert.True(Units(text, gsm) <= single, $"one part of {Units(text, gsm)} units");
                return;
            }
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                Assert.True(Units(part, gsm) <= multi, $"part {i} has {Units(part, gsm)} units");
                Assert.NotEqual("", part);
                // A surrogate pair is never cut in two.
                Assert.False(char.IsHighSurrogate(part[^1]), $"part {i} ends inside a surrogate pair");
                Assert.False(char.IsLowSurrogate(part[0]), $"part {i} starts inside a surrogate pair");
                // Greedy: a part (but the last) could not have taken the next character whole.
                if (i < parts.Count - 1)
                {
                    var next = parts[i + 1];
                    var nextChar = char.IsHighSurrogate(next[0]) ? next[..2] : next[..1];
                    Assert.True(Units(part + nextChar, gsm) > multi, $"part {i} ({Units(part, gsm)} units) had room for {nextChar}");
                }
            }
        }, iter: 3000);
    }

    [Theory]
    [InlineData(160, 1, 160)]
    [InlineData(161, 2, 153)]
    [InlineData(306, 2, 153)]
    [InlineData(307, 3, 153)]
    public void Plain_text_parts_are_160_alone_or_153_each(int length, int parts, int firstPart)
    {
        var split = SmsSegments.Split(new string('a', length));
        Assert.Equal(parts, split.Count);
        Assert.Equal(firstPart, split[0].Length);
    }

    [Fact]
    public void An_extension_character_that_would_straddle_the_boundary_moves_whole_to_the_next_part()
    {
        // 152 septets then '€' (2 septets): 154 > 153, so the euro sign starts part two.
        var text = new string('a', 152) + "€" + new string('b', 10);
        var split = SmsSegments.Split(text);
        Assert.Equal([new string('a', 152), "€" + new string('b', 10)], split);
        Assert.Equal(2, SmsSegments.Count(text).Segments);
        Assert.Equal([""], SmsSegments.Split(""));
    }
    [Fact]
    public void A_lone_surrogate_is_one_unit_of_its_own_and_never_pairs_with_its_neighbour()
    {
        // A high surrogate at the very end (a text cut mid-emoji) counts as one unit and does not read past the end.
        Assert.Equal(new SegmentCount(SmsEncoding.Ucs2, 2, 2, 1), SmsSegments.Count("ж\uD83D"));
        Assert.Equal(["ж\uD83D"], SmsSegments.Split("ж\uD83D"));
        // A stray low surrogate after an ordinary character is not a pair with it: 66 × 'ж' and 'a' fill the
        // first part's 67 units, and the stray unit starts the second part.
        var text = new string('ж', 66) + "a\uDC00" + new string('ж', 10);
        Assert.Equal([new string('ж', 66) + "a", "\uDC00" + new string('ж', 10)], SmsSegments.Split(text));
        Assert.Equal(78, SmsSegments.Count(text).Units);
    }

    [Fact]
    public void A_missing_text_is_refused_by_name()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => SmsSegments.Count(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => SmsSegments.Split(null!)).ParamName);
    }
}
