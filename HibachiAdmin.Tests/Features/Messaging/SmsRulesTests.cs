using System.Text.Json;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Messaging;

public sealed class SmsRulesTests
{
    private static string Fixture(string name) => Fixtures.PathOf(name);

    public static TheoryData<int, string, string, int> SegmentVectors()
    {
        var data = new TheoryData<int, string, string, int>();
        var row = 0;
        foreach (var line in File.ReadAllLines(Fixture("segments.tsv")))
        {
            row++;
            var parts = line.Split('\t');
            if (parts.Length == 3)
            {
                data.Add(row, parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SegmentVectors))]
    public void Segments_match_the_protocol_vectors(int row, string text, string encoding, int segments)
    {
        var count = SmsSegments.Count(text);
        Assert.True(encoding == count.EncodingName && segments == count.Segments,
            $"row {row}: expected {encoding}/{segments}, got {count.EncodingName}/{count.Segments} ({count.Units} units)");
    }

    public static TheoryData<string, string> KeywordVectors()
    {
        var data = new TheoryData<string, string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("sms-keywords.json")));
        foreach (var v in doc.RootElement.GetProperty("classificationVectors").EnumerateArray())
        {
            data.Add(v.GetProperty("input").GetString()!, v.GetProperty("expected").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KeywordVectors))]
    public void Keywords_classify_like_the_protocol_vectors(string input, string expected)
    {
        switch (expected)
        {
            case "optOut":
                Assert.Equal(KeywordKind.OptOut, SmsKeywords.Classify(input, SmsConsent.OptedIn));
                break;
            case "optIn":
                Assert.Equal(KeywordKind.OptIn, SmsKeywords.Classify(input, SmsConsent.OptedOut));
                break;
            case "optInOnlyIfCurrentlyOptedOut":
                Assert.Equal(KeywordKind.OptIn, SmsKeywords.Classify(input, SmsConsent.OptedOut));
                Assert.Equal(KeywordKind.None, SmsKeywords.Classify(input, SmsConsent.OptedIn));
                break;
            case "help":
                Assert.Equal(KeywordKind.Help, SmsKeywords.Classify(input, SmsConsent.None));
                break;
            case "review":
                Assert.Equal(KeywordKind.Review, SmsKeywords.Classify(input, SmsConsent.OptedIn));
                break;
            default:
                Assert.Equal(KeywordKind.None, SmsKeywords.Classify(input, SmsConsent.OptedIn));
                break;
        }
    }

    [Theory]
    [InlineData("no más")]
    [InlineData("please stop texting me")]
    [InlineData("OPTOUT")]
    [InlineData("  stopall ")]
    public void Contract_keywords_and_free_text_opt_outs_are_opt_outs(string text) =>
        Assert.Equal(KeywordKind.OptOut, SmsKeywords.Classify(text, SmsConsent.OptedIn));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n")]
    public void A_text_without_words_is_no_keyword_whatever_the_consent(string? text)
    {
        foreach (var consent in Enum.GetValues<SmsConsent>())
        {
            Assert.Equal(KeywordKind.None, SmsKeywords.Classify(text, consent));
        }
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Fact]
    public void Florida_evenings_shift_to_8am_the_next_morning()
    {
        // 20:30 in Miami (EST, UTC-5) is inside the federal window but outside Florida's 8–20.
        var at = new DateTime(2026, 12, 4, 1, 30, 0, DateTimeKind.Utc);
        var earliest = QuietHours.EarliestAllowed(at, "FL", [Zone("America/New_York")]);
        Assert.Equal(new DateTime(2026, 12, 4, 13, 0, 0, DateTimeKind.Utc), earliest);
        Assert.Equal(at, QuietHours.EarliestAllowed(at, "NY", [Zone("America/New_York")]));
    }

    [Fact]
    public void Texas_Sunday_mornings_wait_until_noon()
    {
        // Sunday 2026-12-06 10:00 in Austin (CST, UTC-6).
        var at = new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 6, 18, 0, 0, DateTimeKind.Utc), QuietHours.EarliestAllowed(at, "TX", [Zone("America/Chicago")]));
    }

    [Fact]
    public void A_number_spanning_two_zones_must_fit_both()
    {
        // 07:30 Central is 08:30 Eastern: allowed in one zone only, so wait for 08:00 Central.
        var at = new DateTime(2026, 12, 3, 13, 30, 0, DateTimeKind.Utc);
        var earliest = QuietHours.EarliestAllowed(at, null, [Zone("America/New_York"), Zone("America/Chicago")]);
        Assert.Equal(new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc), earliest);
    }
}
