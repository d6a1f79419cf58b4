using System.ComponentModel.DataAnnotations;
using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Contacts;

/// <summary>Create body. Consent other than none needs a consent source (who/what gave it).</summary>
public sealed record CreateContactRequest(
    [property: Required, StringLength(Contact.MaxName, MinimumLength = 1)] string? Name,
    [property: Required, StringLength(Contact.MaxPhoneInput)] string? Phone,
    [property: EmailAddress, StringLength(Contact.MaxEmail)] string? Email = null,
    IReadOnlyList<string>? Tags = null,
    [property: StringLength(Contact.MaxState)] string? State = null,
    [property: StringLength(Contact.MaxZip)] string? Zip = null,
    SmsConsent? SmsConsent = null,
    [property: StringLength(Contact.MaxConsentSource)] string? ConsentSource = null,
    [property: StringLength(Contact.MaxConsentEvidence)] string? ConsentEvidence = null,
    [property: StringLength(Contact.MaxHandle)] string? InstagramHandle = null,
    [property: StringLength(Contact.MaxHandle)] string? FacebookHandle = null);
