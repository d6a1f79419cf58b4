using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <param name="State">US state from the number's geography (libphonenumber geocoder), null when not known.</param>
public sealed record ParsedPhone(string E164, string? State, IReadOnlyList<string> TimeZones);
