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

    /// <summary>A provider's opt-out service reported this number (RingCentral High Volume): into the consent ledger with its own source; never an opt-in.</summary>
    Task<ProviderOptOutOutcome> ApplyProviderOptOutAsync(CrossFeatureTransaction tx, string e164, bool optedOut, DateTime atUtc, string evidence, CancellationToken ct);

    /// <summary>The newest consent-ledger row's id (where pushing opt-outs to a provider starts).</summary>
    Task<long> LastLedgerIdAsync(CancellationToken ct);

    /// <summary>Opt-outs recorded in this app after <paramref name="afterId"/> (not the provider's own), oldest first.</summary>
    Task<IReadOnlyList<(long Id, string Phone)>> OptOutsToPushAsync(long afterId, int take, CancellationToken ct);
}
