using HibachiAdmin.Features.Campaigns;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>Every hold reason the API names has words a person reads on the campaign page (issue 24.8), and only the
/// reasons that wait for a time are delays — the others leave the person out of the campaign.</summary>
public sealed class HoldReasonLabelTests
{
    private static List<string> Reasons() =>
        typeof(HoldReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToList();

    [Fact]
    public void Every_hold_reason_has_its_own_words()
    {
        var reasons = Reasons();
        Assert.True(reasons.Count >= 10, string.Join(", ", reasons));
        var labels = reasons.Select(HoldReasons.Label).ToList();
        Assert.All(reasons.Zip(labels), p => Assert.NotEqual(p.First, p.Second));
        Assert.Equal(labels.Count, labels.Distinct().Count());
        var descriptions = reasons.Select(HoldReasons.Describe).ToList();
        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
    }

    // The words on the campaign page and in the preview, as the owner reads them.
    [Theory]
    [InlineData(HoldReasons.NoConsent, "not opted in", "Not texted: they have not agreed to marketing texts.")]
    [InlineData(HoldReasons.PendingConfirmation, "waiting for their YES", "Not texted: they have not confirmed with YES yet.")]
    [InlineData(HoldReasons.OptedOut, "opted out", "Not texted: they opted out.")]
    [InlineData(HoldReasons.InvalidNumber, "no valid mobile number", "Not texted: the number cannot receive texts.")]
    [InlineData(HoldReasons.QuietHours, "outside their texting hours", "Held for their texting hours.")]
    [InlineData(HoldReasons.FrequencyCap, "texted recently", "Held by the frequency cap.")]
    [InlineData(HoldReasons.Duplicate, "same number as another recipient", "Texted once: the number is already in this audience.")]
    [InlineData(HoldReasons.BookedSoon, "party coming up", "Left out: they have a party coming up.")]
    [InlineData(HoldReasons.TextedRecently, "got a campaign text recently", "Left out: a campaign texted them recently.")]
    [InlineData(HoldReasons.InConversation, "in a conversation from the last 24 hours", "Left out: they are in a conversation (a message in the last 24 hours).")]
    public void A_reason_reads_as_words(string reason, string label, string description)
    {
        Assert.Equal(label, HoldReasons.Label(reason));
        Assert.Equal(description, HoldReasons.Describe(reason));
    }

    [Fact]
    public void The_stable_api_words_do_not_change()
    {
        // Scripts and the API rely on these words (CONTRACT.md's campaign preview): a rename breaks them.
        Assert.Equal(
            ["noConsent", "pendingConfirmation", "optedOut", "invalidNumber", "quietHours", "frequencyCap", "duplicate", "bookedSoon", "textedRecently", "inConversation"],
            Reasons());
        Assert.Equal(TimeSpan.FromHours(24), HoldReasons.ConversationWindow);
    }

    [Fact]
    public void An_unknown_reason_is_shown_as_itself_rather_than_hidden()
    {
        Assert.Equal("carrierBlocked", HoldReasons.Label("carrierBlocked"));
        Assert.Equal("Not texted (carrierBlocked).", HoldReasons.Describe("carrierBlocked"));
    }

    [Fact]
    public void Only_quiet_hours_and_the_frequency_cap_delay_a_text()
    {
        var delays = Reasons().Where(r => HoldReasons.IsDelay(r)).ToList();
        Assert.Equal([HoldReasons.QuietHours, HoldReasons.FrequencyCap], delays);
        Assert.False(HoldReasons.IsDelay(null));
    }
}
