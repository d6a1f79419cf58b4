using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>A confirmation text due to go out, as Messaging sees it.</summary>
public sealed record OptInRequestToSend(Guid Id, Guid ContactId, string Phone, string ContactName, SmsConsent Consent);
