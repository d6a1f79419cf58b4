using HibachiAdmin.Common;

namespace HibachiAdmin.Tests.Common;

/// <summary>The characters that change what a person sees without being seen (a name on a phone, a merge field in a
/// campaign): every bidi control at the exact ends of its ranges, and the neighbours that are ordinary text.</summary>
public sealed class UnsafeTextTests
{
    [Theory]
    [InlineData('\u061C')] // Arabic letter mark
    [InlineData('\u200E')] // LRM
    [InlineData('\u200F')] // RLM
    [InlineData('\u202A')] // LRE: first of the embeddings and overrides
    [InlineData('\u202C')]
    [InlineData('\u202E')] // RLO: last, the Trojan Source character
    [InlineData('\u2066')] // LRI: first of the isolates
    [InlineData('\u2069')] // PDI: last
    public void Bidi_controls_are_unsafe(char c)
    {
        Assert.True(UnsafeText.IsBidiControl(c));
        Assert.True(UnsafeText.IsUnsafe(c));
        Assert.True(UnsafeText.ContainsUnsafe($"photo{c}gpj.exe"));
    }

    [Theory]
    [InlineData('\u061B')] // Arabic semicolon
    [InlineData('\u061D')]
    [InlineData('\u200D')] // zero-width joiner: emoji sequences need it
    [InlineData('\u2010')] // hyphen
    [InlineData('\u2029')] // paragraph separator, just below the embeddings
    [InlineData('\u202F')] // narrow no-break space (French names, times)
    [InlineData('\u2065')]
    [InlineData('\u206A')]
    [InlineData('é')]
    [InlineData('a')]
    public void Their_neighbours_are_ordinary_text(char c)
    {
        Assert.False(UnsafeText.IsBidiControl(c));
        Assert.False(UnsafeText.IsUnsafe(c));
        Assert.False(UnsafeText.ContainsUnsafe($"Ana{c}Lopez"));
    }

    [Theory]
    [InlineData('\u0000')]
    [InlineData('\u0007')] // BEL
    [InlineData('\n')]
    [InlineData('\u001B')] // ESC
    [InlineData('\u007F')] // DEL
    [InlineData('\u0085')] // NEL (C1)
    [InlineData('\u009F')]
    public void Control_characters_are_unsafe_but_not_bidi(char c)
    {
        Assert.True(UnsafeText.IsUnsafe(c));
        Assert.False(UnsafeText.IsBidiControl(c));
    }

    [Fact]
    public void Only_text_holding_one_counts()
    {
        Assert.False(UnsafeText.ContainsUnsafe(""));
        Assert.False(UnsafeText.ContainsUnsafe("Mía O'Brien-Núñez 👨‍🍳"));
        Assert.True(UnsafeText.ContainsUnsafe("Ana\u202E"));
        Assert.True(UnsafeText.ContainsUnsafe("\u0007Ana"));
    }
}
