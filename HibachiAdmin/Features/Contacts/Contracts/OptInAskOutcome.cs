using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

public enum OptInAskOutcome
{
    /// <summary>The contact waits for the person's YES; a confirmation text is scheduled.</summary>
    Asked,
    /// <summary>The contact waits for the person's YES; no new text (asked twice already, or less than a day ago).</summary>
    AlreadyAsked,
    /// <summary>The person had opted in already: nothing changed.</summary>
    AlreadyOptedIn,
    /// <summary>The person opted out: only they can opt back in. The ask is kept as evidence, nothing is sent.</summary>
    OptedOut,
    /// <summary>No phone number to ask.</summary>
    NoPhone,
}
