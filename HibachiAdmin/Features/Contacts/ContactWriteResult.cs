using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Contacts;

/// <summary>Outcome of a write: the contact, or field errors, or a conflict, or not found.</summary>
/// <param name="ConsentRefused">Only the person can make the consent change asked for (409 naming smsConsent).</param>
public sealed record ContactWriteResult(ContactDto? Contact, Dictionary<string, string[]>? Errors = null, string? Conflict = null, bool NotFound = false, string? ConsentRefused = null)
{
    public bool Succeeded => Contact is not null;
}
