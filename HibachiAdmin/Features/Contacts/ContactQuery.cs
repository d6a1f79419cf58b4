using System.ComponentModel.DataAnnotations;

namespace HibachiAdmin.Features.Contacts;

public sealed record ContactQuery(string? Q = null, string? Tag = null, SmsConsent? Consent = null, int Page = 1, int PageSize = 50, string? SortBy = null, bool Descending = false);
