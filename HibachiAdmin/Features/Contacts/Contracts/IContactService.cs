using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>What other features may ask of Contacts (implemented by <c>ContactService</c>).</summary>
public interface IContactService
{
    Task<bool> ExistsAsync(Guid id, CancellationToken ct);
    Task<ContactSummary?> GetSummaryAsync(Guid id, CancellationToken ct);
    Task<ContactSummary?> GetSummaryByPhoneAsync(string phone, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, ContactSummary>> GetSummariesAsync(IEnumerable<Guid> ids, CancellationToken ct);
    Task<IReadOnlyDictionary<string, ContactSummary>> GetSummariesByPhonesAsync(IEnumerable<string> e164Numbers, CancellationToken ct);
    Task<ContactDto?> GetDtoAsync(Guid id, CancellationToken ct);

    /// <summary>The consent history and opt-in asks that <c>ContactProfile</c> shows.</summary>
    Task<ContactProfileData> GetProfileAsync(Guid id, CancellationToken ct);

    Task<PagedResult<ContactDto>> SearchAsync(ContactQuery query, CancellationToken ct);
    Task<IReadOnlyList<string>> GetAllTagsAsync(CancellationToken ct);
    Task<IReadOnlyList<ContactSummary>> GetAudienceAsync(IReadOnlyCollection<string> includeTags, IReadOnlyCollection<string> excludeTags, IReadOnlyCollection<Guid> contactIds, CancellationToken ct);
    Task<IReadOnlyList<(Guid ContactId, DateTime At, string Source)>> OptOutsSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct);
    Task<Guid> CreateSocialContactAsync(string name, string? instagramId, string? facebookId, CancellationToken ct);

    /// <summary>Loads the contacts of these numbers into the transaction (one query for a batch).</summary>
    Task PreloadByPhonesAsync(CrossFeatureTransaction tx, IEnumerable<string> numbers, CancellationToken ct);
    Task<(ContactSummary Contact, bool Created)?> FindOrCreateByPhoneAsync(CrossFeatureTransaction tx, string phone, string? name, CancellationToken ct);
    Task<KeywordConsentOutcome> ApplyKeywordAsync(CrossFeatureTransaction tx, Guid contactId, SmsConsent to, DateTime sentAt, string evidence, CancellationToken ct);
    Task<bool> MarkNumberInvalidAsync(CrossFeatureTransaction tx, string e164, string reason, DateTime atUtc, CancellationToken ct);
}
