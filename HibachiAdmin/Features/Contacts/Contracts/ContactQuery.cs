using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

public sealed record ContactQuery(string? Q = null, string? Tag = null, SmsConsent? Consent = null, int Page = 1, int PageSize = 50, string? SortBy = null, bool Descending = false);
