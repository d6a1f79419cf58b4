using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts;

/// <summary>A person the business talks to. The phone (E.164) is the natural key across channels.</summary>
public sealed class Contact
{
    public const int MaxName = 200;
    /// <summary>Phone as typed (any common format); stored normalized to E.164 (at most 20).</summary>
    public const int MaxPhoneInput = 40;
    public const int MaxEmail = 254;
    public const int MaxState = 2;
    public const int MaxZip = 10;
    public const int MaxHandle = 100;
    public const int MaxConsentSource = 50;
    public const int MaxConsentEvidence = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>E.164, unique when present.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>US two-letter state, from input or derived from the area code.</summary>
    public string? State { get; set; }
    public string? Zip { get; set; }
    /// <summary>IANA zones derived from the number, comma-separated (an area code can span two zones).</summary>
    public string? TimeZones { get; set; }
    public string? InstagramHandle { get; set; }
    public string? FacebookHandle { get; set; }
    /// <summary>Current consent; the history is in <see cref="ConsentLedgerEntry"/> rows.</summary>
    public SmsConsent SmsConsent { get; set; }
    /// <summary>When the current consent took effect: for an SMS keyword the provider's time of the text, else when it was recorded.</summary>
    public DateTime? SmsConsentChangedAt { get; set; }
    /// <summary>Source of the current consent (ledger source, e.g. "sms-keyword"): orders keywords against other changes.</summary>
    public string? SmsConsentSource { get; set; }
    /// <summary>When a carrier reported the number cannot receive texts (invalid, landline, unreachable); cleared when the number changes.</summary>
    public DateTime? PhoneInvalidAt { get; set; }
    /// <summary>The carrier's error code and words, e.g. "SMS-CAR-411: destination invalid or not SMS-capable".</summary>
    public string? PhoneInvalidReason { get; set; }
    public List<ContactTag> Tags { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
