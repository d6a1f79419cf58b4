using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

public enum KeywordConsentOutcome
{
    /// <summary>The contact's consent changed (ledger row written).</summary>
    Applied,
    /// <summary>Already in that state: nothing written.</summary>
    Unchanged,
    /// <summary>Older than the contact's last consent change: recorded as evidence, consent kept.</summary>
    Superseded,
}
