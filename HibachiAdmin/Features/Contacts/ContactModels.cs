using System.ComponentModel.DataAnnotations;

namespace HibachiAdmin.Features.Contacts;

/// <summary>A contact as the API and pages see it.</summary>
public sealed record ContactDto(
    Guid Id,
    string Name,
    string? Phone,
    string? Email,
    IReadOnlyList<string> Tags,
    string? State,
    string? Zip,
    IReadOnlyList<string> TimeZones,
    SmsConsent SmsConsent,
    DateTime? SmsConsentChangedAt,
    string? InstagramHandle,
    string? FacebookHandle,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record ContactQuery(string? Q = null, string? Tag = null, SmsConsent? Consent = null, int Page = 1, int PageSize = 50, string? SortBy = null, bool Descending = false);

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

/// <summary>
/// Patch body: a property that is present changes, one that is absent stays (merge-patch).
/// Presence is tracked by the endpoint from the raw JSON.
/// </summary>
public sealed record ContactPatch
{
    public Optional<string?> Name { get; init; }
    public Optional<string?> Phone { get; init; }
    public Optional<string?> Email { get; init; }
    public Optional<IReadOnlyList<string>?> Tags { get; init; }
    public Optional<string?> State { get; init; }
    public Optional<string?> Zip { get; init; }
    public Optional<SmsConsent?> SmsConsent { get; init; }
    public Optional<string?> ConsentSource { get; init; }
    public Optional<string?> ConsentEvidence { get; init; }
    public Optional<string?> InstagramHandle { get; init; }
    public Optional<string?> FacebookHandle { get; init; }
}

/// <summary>A value that may be absent (not the same as null) in a patch.</summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}

/// <summary>Outcome of a write: the contact, or field errors, or a conflict, or not found.</summary>
/// <param name="ConsentRefused">Only the person can make the consent change asked for (409 naming smsConsent).</param>
public sealed record ContactWriteResult(ContactDto? Contact, Dictionary<string, string[]>? Errors = null, string? Conflict = null, bool NotFound = false, string? ConsentRefused = null)
{
    public bool Succeeded => Contact is not null;
}
