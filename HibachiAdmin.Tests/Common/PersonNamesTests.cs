using HibachiAdmin.Common;

namespace HibachiAdmin.Tests.Common;

/// <summary>The one name cleaner: no control or bidi characters, single spaces, nothing else touched.</summary>
public sealed class PersonNamesTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("Ann Smith", "Ann Smith")]
    [InlineData("  Ann   Smith  ", "Ann Smith")]
    [InlineData("Ann\nSmith", "Ann Smith")]
    [InlineData("Ann\r\n\tSmith\u0085", "Ann Smith")]
    [InlineData("Ann\u00A0Smith\u2028", "Ann Smith")]
    [InlineData("Ann\u0007Smith", "AnnSmith")]
    [InlineData("\u001B[31mAnn", "[31mAnn")]
    [InlineData("Ann \u0007 Smith", "Ann Smith")]
    [InlineData("\u0000\u007F\u009F", "")]
    [InlineData("\u202EnnA\u202C", "nnA")]
    [InlineData("\u2066Ann\u2069 \u2067Lee\u2068", "Ann Lee")]
    [InlineData("\u200EAnn\u200F\u061C", "Ann")]
    [InlineData("\u202AA\u202BB\u202DC", "ABC")]
    [InlineData("José Núñez-O'Brien", "José Núñez-O'Brien")]
    [InlineData("محمد علي", "محمد علي")]
    [InlineData("王 小明", "王 小明")]
    [InlineData("Ann 👩‍🍳", "Ann 👩‍🍳")]
    public void Cleans_controls_bidi_and_spacing_and_keeps_every_script(string? name, string expected) =>
        Assert.Equal(expected, PersonNames.Clean(name));

    [Fact]
    public void Characters_next_to_the_bidi_ranges_stay()
    {
        foreach (var c in new[] { '\u061B', '\u061D', '\u200D', '\u2010', '\u2065', '\u206A' })
        {
            Assert.Equal($"a{c}b", PersonNames.Clean($"a{c}b"));
        }
    }
}
