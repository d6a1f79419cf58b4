using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Contacts;

public sealed record ConsentChange(SmsConsent To, string Source, string? Evidence);
