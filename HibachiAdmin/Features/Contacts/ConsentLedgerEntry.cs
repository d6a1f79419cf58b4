using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Contacts;

/// <summary>Append-only history of consent changes: who or what changed it, when, from where, and the proof.</summary>
public sealed class ConsentLedgerEntry
{
    public long Id { get; set; }
    public Guid ContactId { get; set; }
    public string? Phone { get; set; }
    public SmsConsent From { get; set; }
    public SmsConsent To { get; set; }
    /// <summary>e.g. "web-form", "csv-import", "sms-keyword", "staff", "api".</summary>
    public string Source { get; set; } = "";
    /// <summary>What proves it: the inbound message text and id, the import file and row, a note.</summary>
    public string? Evidence { get; set; }
    /// <summary>User id/email, or "system".</summary>
    public string ChangedBy { get; set; } = "";
    public DateTime At { get; set; }
}
