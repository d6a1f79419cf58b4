using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Contacts;

/// <summary>The contract's writes inside another feature's transaction (<see cref="CrossFeatureTransaction"/>).</summary>
public sealed partial class ContactService
{
    public async Task<ContactProfileData> GetProfileAsync(Guid id, CancellationToken ct) =>
        new(await GetConsentHistoryAsync(id, ct), await optIns.ForContactAsync(id, ct));

    Task IContactService.PreloadByPhonesAsync(CrossFeatureTransaction tx, IEnumerable<string> numbers, CancellationToken ct) =>
        PreloadByPhonesAsync(tx.Db, numbers, ct);

    Task<(ContactSummary Contact, bool Created)?> IContactService.FindOrCreateByPhoneAsync(CrossFeatureTransaction tx, string phone, string? name, CancellationToken ct) =>
        FindOrCreateByPhoneAsync(tx.Db, phone, name, ct);

    Task<KeywordConsentOutcome> IContactService.ApplyKeywordAsync(CrossFeatureTransaction tx, Guid contactId, SmsConsent to, DateTime sentAt, string evidence, CancellationToken ct) =>
        ApplyKeywordAsync(tx.Db, contactId, to, sentAt, evidence, ct);

    Task<bool> IContactService.MarkNumberInvalidAsync(CrossFeatureTransaction tx, string e164, string reason, DateTime atUtc, CancellationToken ct) =>
        MarkNumberInvalidAsync(tx.Db, e164, reason, atUtc, ct);

    Task<ProviderOptOutOutcome> IContactService.ApplyProviderOptOutAsync(CrossFeatureTransaction tx, string e164, bool optedOut, DateTime atUtc, string evidence, CancellationToken ct) =>
        ApplyProviderOptOutAsync(tx.Db, e164, optedOut, atUtc, evidence, ct);
}
