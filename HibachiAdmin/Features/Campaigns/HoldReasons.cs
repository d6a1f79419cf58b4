using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>Why a recipient does not get the text now (stable words, used by the API and the preview).</summary>
public static class HoldReasons
{
    public const string NoConsent = "noConsent";
    /// <summary>Someone asked for the person to get texts; the person has not confirmed with YES yet.</summary>
    public const string PendingConfirmation = "pendingConfirmation";
    public const string OptedOut = "optedOut";
    public const string InvalidNumber = "invalidNumber";
    public const string QuietHours = "quietHours";
    public const string FrequencyCap = "frequencyCap";
    public const string Duplicate = "duplicate";
    /// <summary>Audience option: the contact has a party in the next N days (no offer texts right before it).</summary>
    public const string BookedSoon = "bookedSoon";
    /// <summary>Audience option: a campaign texted the contact in the last N days.</summary>
    public const string TextedRecently = "textedRecently";
    /// <summary>The contact is in a conversation (a message in the last 24 hours); marketing waits unless the sender includes them.</summary>
    public const string InConversation = "inConversation";

    /// <summary>How recent a message makes a conversation open.</summary>
    public static readonly TimeSpan ConversationWindow = TimeSpan.FromHours(24);

    /// <summary>The reason in words, for a recipient who is not texted at all (a delay has its own explanation).</summary>
    public static string Describe(string reason) => reason switch
    {
        NoConsent => "Not texted: they have not agreed to marketing texts.",
        PendingConfirmation => "Not texted: they have not confirmed with YES yet.",
        OptedOut => "Not texted: they opted out.",
        InvalidNumber => "Not texted: the number cannot receive texts.",
        Duplicate => "Texted once: the number is already in this audience.",
        BookedSoon => "Left out: they have a party coming up.",
        TextedRecently => "Left out: a campaign texted them recently.",
        InConversation => "Left out: they are in a conversation (a message in the last 24 hours).",
        QuietHours => "Held for their texting hours.",
        FrequencyCap => "Held by the frequency cap.",
        _ => $"Not texted ({reason}).",
    };

    /// <summary>Held reasons that only delay a text (it goes out at <c>EarliestSendAt</c>); the others skip the recipient.</summary>
    public static bool IsDelay(string? reason) => reason is QuietHours or FrequencyCap;

    /// <summary>What a person reads for one recipient's reason (the API keeps the stable word).</summary>
    public static string Label(string reason) => reason switch
    {
        NoConsent => "not opted in",
        PendingConfirmation => "waiting for their YES",
        OptedOut => "opted out",
        InvalidNumber => "no valid mobile number",
        QuietHours => "outside their texting hours",
        FrequencyCap => "texted recently",
        Duplicate => "same number as another recipient",
        BookedSoon => "party coming up",
        TextedRecently => "got a campaign text recently",
        InConversation => "in a conversation from the last 24 hours",
        _ => reason,
    };
}
