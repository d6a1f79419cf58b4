using HibachiAdmin.Features.QrCodes;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>Fixtures/user-agents.tsv: phones, tablets, desktops, in-app browsers, bots and link-preview fetchers, each with its exact classification.</summary>
public sealed class UserAgentClassifierTests
{
    public static TheoryData<string, string, string, string, bool, bool> Vectors()
    {
        var data = new TheoryData<string, string, string, string, bool, bool>();
        foreach (var line in Fixtures.ReadLines("user-agents.tsv"))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], bool.Parse(f[4]), bool.Parse(f[5]));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Classifies_each_vector_exactly(string userAgent, string device, string os, string browser, bool bot, bool preview)
    {
        var info = UserAgentClassifier.Classify(userAgent);
        Assert.Equal((device, os, browser, bot, preview), (info.Device.ToString(), info.Os, info.Browser, info.IsBot, info.IsLinkPreview));
        Assert.Equal(preview, UserAgentClassifier.IsLinkPreview(userAgent));
    }

    [Fact]
    public void The_vectors_cover_every_kind()
    {
        var vectors = Vectors().Select(v => ((string)v[1], (bool)v[4], (bool)v[5])).ToList();
        Assert.True(vectors.Count(v => v.Item1 == "Mobile") >= 10);
        Assert.True(vectors.Count(v => v.Item1 == "Tablet") >= 3);
        Assert.True(vectors.Count(v => v.Item1 == "Desktop") >= 6);
        Assert.True(vectors.Count(v => v.Item3) >= 10, "link-preview fetchers");
        Assert.True(vectors.Count(v => v.Item2 && !v.Item3) >= 6, "other programs");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_user_agent_is_a_program_but_not_a_preview(string? userAgent)
    {
        Assert.Equal(new UserAgentInfo(DeviceType.Bot, "Unknown", "Unknown", true, false), UserAgentClassifier.Classify(userAgent));
        Assert.False(UserAgentClassifier.IsLinkPreview(userAgent));
    }

    [Fact]
    public void Preview_markers_match_in_any_case() =>
        Assert.True(UserAgentClassifier.IsLinkPreview("FACEBOOKEXTERNALHIT/1.1"));
}
