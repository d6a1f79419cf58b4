using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>The consent rules as a table: what a change asked for by anyone but the person's phone does.</summary>
public sealed class ConsentPolicyTests
{
    public static TheoryData<SmsConsent, SmsConsent, ConsentDecisionKind> Table() => new()
    {
        // From nothing: an opt-in (or asking again) is a question to the person; an opt-out is recorded.
        { SmsConsent.None, SmsConsent.OptedIn, ConsentDecisionKind.AskPerson },
        { SmsConsent.None, SmsConsent.PendingConfirmation, ConsentDecisionKind.AskPerson },
        { SmsConsent.None, SmsConsent.OptedOut, ConsentDecisionKind.Apply },
        { SmsConsent.None, SmsConsent.None, ConsentDecisionKind.Unchanged },
        // Waiting for YES: asking again is subject to the two-text limit; withdrawing and opting out are recorded.
        { SmsConsent.PendingConfirmation, SmsConsent.OptedIn, ConsentDecisionKind.AskPerson },
        { SmsConsent.PendingConfirmation, SmsConsent.PendingConfirmation, ConsentDecisionKind.AskPerson },
        { SmsConsent.PendingConfirmation, SmsConsent.None, ConsentDecisionKind.Apply },
        { SmsConsent.PendingConfirmation, SmsConsent.OptedOut, ConsentDecisionKind.Apply },
        // The person confirmed: nothing to ask; withdrawing and opting out are recorded.
        { SmsConsent.OptedIn, SmsConsent.OptedIn, ConsentDecisionKind.Unchanged },
        { SmsConsent.OptedIn, SmsConsent.PendingConfirmation, ConsentDecisionKind.Unchanged },
        { SmsConsent.OptedIn, SmsConsent.None, ConsentDecisionKind.Apply },
        { SmsConsent.OptedIn, SmsConsent.OptedOut, ConsentDecisionKind.Apply },
        // The person opted out: only they leave it.
        { SmsConsent.OptedOut, SmsConsent.OptedOut, ConsentDecisionKind.Unchanged },
        { SmsConsent.OptedOut, SmsConsent.OptedIn, ConsentDecisionKind.Refuse },
        { SmsConsent.OptedOut, SmsConsent.PendingConfirmation, ConsentDecisionKind.Refuse },
        { SmsConsent.OptedOut, SmsConsent.None, ConsentDecisionKind.Refuse },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_change_asked_for_by_anyone_but_the_person_follows_the_table(SmsConsent current, SmsConsent requested, ConsentDecisionKind expected)
    {
        var decision = ConsentPolicy.Decide(current, requested);
        Assert.Equal(expected, decision.Kind);
        Assert.Equal(expected == ConsentDecisionKind.Refuse ? ConsentPolicy.OnlyThePerson : null, decision.Reason);
    }

    private static readonly DateTime First = new(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_ask_texts_a_reminder_needs_a_full_day_and_there_is_never_a_third()
    {
        Assert.True(ConsentPolicy.MayText(0, null, First));
        Assert.False(ConsentPolicy.MayText(1, First, First.AddHours(24).AddTicks(-1)));
        Assert.True(ConsentPolicy.MayText(1, First, First.AddHours(24)));
        Assert.False(ConsentPolicy.MayText(1, null, First.AddDays(3)));
        Assert.False(ConsentPolicy.MayText(2, First, First.AddDays(30)));
        Assert.False(ConsentPolicy.MayText(3, First, First.AddDays(30)));
    }

    [Theory]
    [InlineData(SmsConsent.PendingConfirmation, KeywordKind.OptIn)]
    [InlineData(SmsConsent.OptedOut, KeywordKind.OptIn)]
    [InlineData(SmsConsent.None, KeywordKind.None)]
    [InlineData(SmsConsent.OptedIn, KeywordKind.None)]
    public void YES_opts_in_only_someone_who_was_asked_or_opted_out(SmsConsent current, KeywordKind expected)
    {
        Assert.Equal(expected, SmsKeywords.Classify(" Yes! ", current));
    }

    [Fact]
    public void Every_consent_state_has_one_human_label()
    {
        Assert.Equal(["No consent", "Opted in", "Opted out", "Waiting for YES"], Enum.GetValues<SmsConsent>().Select(ConsentLabels.Of).ToArray());
        Assert.Equal(["Confirmation text waiting for their sending hours", "Confirmation text sent", "No text sent"],
            Enum.GetValues<ConsentRequestStatus>().Select(ConsentLabels.Of).ToArray());
    }

    [Fact]
    public void A_campaign_holds_a_person_waiting_for_YES_with_its_own_reason()
    {
        var phones = new Phones();
        var rules = new CampaignRules(frequencyCapHours: 16, businessName: "B", businessTimeZone: "America/New_York");
        var decision = rules.Decide(new CampaignRecipient(Guid.NewGuid(), "Ava", "+12125550101", SmsConsent.PendingConfirmation, "NY", null), "Hi", First, [], false, phones);
        Assert.Equal((false, HoldReasons.PendingConfirmation), (decision.Eligible, decision.Reason));
    }
}
