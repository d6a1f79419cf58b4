using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// Who may change consent, and how (README, "Consent"). Only the person opts in: a web form, a staff
/// member or an import can only ask, which makes the contact <see cref="SmsConsent.PendingConfirmation"/>
/// and sends one confirmation text. Anyone may record an opt-out, and nobody but the person (a keyword
/// from their phone) ever leaves <see cref="SmsConsent.OptedOut"/>.
/// </summary>
public static class ConsentPolicy
{
    /// <summary>A second confirmation text goes out only this long after the first went unanswered; never a third.</summary>
    public static readonly TimeSpan RepeatAfter = TimeSpan.FromHours(24);

    public const int MaxTextsWhileUnanswered = 2;

    public const string OnlyThePerson =
        "This person opted out. Only they can opt back in: by texting START or YES to the business number, or by replying YES to a confirmation they asked for.";

    /// <summary>A change asked for by staff, an import, a form or the API: never by the person's own phone.</summary>
    public static ConsentDecision Decide(SmsConsent current, SmsConsent requested) => (current, requested) switch
    {
        (SmsConsent.OptedOut, SmsConsent.OptedOut) => new(ConsentDecisionKind.Unchanged),
        (SmsConsent.OptedOut, _) => new(ConsentDecisionKind.Refuse, OnlyThePerson),
        (SmsConsent.OptedIn, SmsConsent.OptedIn or SmsConsent.PendingConfirmation) => new(ConsentDecisionKind.Unchanged),
        (_, SmsConsent.OptedIn or SmsConsent.PendingConfirmation) => new(ConsentDecisionKind.AskPerson),
        _ when current == requested => new(ConsentDecisionKind.Unchanged),
        _ => new(ConsentDecisionKind.Apply),
    };

    /// <summary>
    /// Whether a new request may text the person, given the questions sent (or scheduled) since the person last
    /// answered one themselves: the first always, one reminder a day later at the earliest, never a third.
    /// </summary>
    public static bool MayText(int unansweredTexts, DateTime? lastTextRequestedAt, DateTime now) => unansweredTexts switch
    {
        0 => true,
        < MaxTextsWhileUnanswered => lastTextRequestedAt is { } last && now - last >= RepeatAfter,
        _ => false,
    };
}
