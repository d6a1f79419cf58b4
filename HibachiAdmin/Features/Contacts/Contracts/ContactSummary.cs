using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>What other features see of a contact (never the entity: a feature reaches another only through its service).</summary>
/// <param name="NumberInvalid">A carrier reported the number cannot receive texts (see <see cref="ContactService.MarkNumberInvalidAsync"/>).</param>
public sealed record ContactSummary(Guid Id, string Name, string? Phone, string? Email, SmsConsent SmsConsent, string? State, string? TimeZones, bool NumberInvalid = false);
