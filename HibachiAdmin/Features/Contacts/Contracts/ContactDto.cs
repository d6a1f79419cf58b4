using System.ComponentModel.DataAnnotations;
using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

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
