using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

public enum SmsConsent
{
    None = 0,
    /// <summary>The person confirmed from their phone (YES/START) or opted back in themselves.</summary>
    OptedIn = 1,
    OptedOut = 2,
    /// <summary>
    /// Someone other than the person asked (a web form, staff, an import): one confirmation text went out
    /// (or is waiting for the person's sending hours) and nothing marketing goes to them until they reply YES.
    /// </summary>
    PendingConfirmation = 3,
}
