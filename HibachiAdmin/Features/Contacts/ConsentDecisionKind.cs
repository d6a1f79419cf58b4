namespace HibachiAdmin.Features.Contacts;

/// <summary>What a change asked for by someone other than the person does (see <see cref="ConsentPolicy"/>).</summary>
public enum ConsentDecisionKind
{
    /// <summary>Nothing to write: already in that state.</summary>
    Unchanged,
    /// <summary>Record the change as asked (an opt-out, or withdrawing a consent or a pending request).</summary>
    Apply,
    /// <summary>An opt-in asked for by someone else: the contact waits for the person's YES.</summary>
    AskPerson,
    /// <summary>Only the person can make this change.</summary>
    Refuse,
}
