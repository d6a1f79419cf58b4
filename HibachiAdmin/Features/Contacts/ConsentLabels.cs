using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Contacts;

/// <summary>The one human label of each consent state and opt-in request state, used on every screen.</summary>
public static class ConsentLabels
{
    public static string Of(SmsConsent consent) => consent switch
    {
        SmsConsent.OptedIn => "Opted in",
        SmsConsent.OptedOut => "Opted out",
        SmsConsent.PendingConfirmation => "Waiting for YES",
        _ => "No consent",
    };

    public static string Of(ConsentRequestStatus status) => status switch
    {
        ConsentRequestStatus.Scheduled => "Confirmation text waiting for their sending hours",
        ConsentRequestStatus.Sent => "Confirmation text sent",
        _ => "No text sent",
    };
}
