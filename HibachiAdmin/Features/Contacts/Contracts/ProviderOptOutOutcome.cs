namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>What became of a provider's opt-out report.</summary>
public enum ProviderOptOutOutcome
{
    NoContact,
    Applied,
    AlreadyOptedOut,
    /// <summary>The person's own keyword after the report's time stands.</summary>
    Superseded,
    /// <summary>A provider's opt-in: recorded as evidence only; consent comes only from the person's own text to us.</summary>
    OptInNotApplied,
}
