using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts;

public enum SmsConsent
{
    None = 0,
    /// <summary>The person confirmed from their phone (YES/START) or opted back in themselves.</summary>
    OptedIn = 1,
    OptedOut = 2,
    /// <summary>
    /// Someone other than the person asked (a web form, staff, an import): one confirmation text went out
    /// (or is waiting for the person's sending hours) and nothing marketing goes to them until they reply YES.
    /// </summary>
    PendingConfirmation = 3,
}

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

/// <summary>A tag on a contact; a row per tag so audience filters run in SQL on any provider.</summary>
public sealed class ContactTag
{
    public Guid ContactId { get; set; }
    /// <summary>Normalized: trimmed, lower case.</summary>
    public string Tag { get; set; } = "";
}

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

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(c => c.Name).HasMaxLength(Contact.MaxName).IsRequired();
        b.Property(c => c.Phone).HasMaxLength(20);
        b.HasIndex(c => c.Phone).IsUnique();
        b.Property(c => c.Email).HasMaxLength(Contact.MaxEmail);
        b.HasIndex(c => c.Email);
        b.Property(c => c.State).HasMaxLength(Contact.MaxState);
        b.Property(c => c.Zip).HasMaxLength(Contact.MaxZip);
        b.Property(c => c.TimeZones).HasMaxLength(200);
        b.Property(c => c.InstagramHandle).HasMaxLength(Contact.MaxHandle);
        b.Property(c => c.FacebookHandle).HasMaxLength(Contact.MaxHandle);
        b.Property(c => c.SmsConsent).HasConversion(ConsentStorage.Converter).HasMaxLength(10);
        b.Property(c => c.SmsConsentSource).HasMaxLength(50);
        b.Property(c => c.PhoneInvalidReason).HasMaxLength(200);
        b.HasIndex(c => c.SmsConsent);
        b.HasIndex(c => c.Name);
        b.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactTagConfiguration : IEntityTypeConfiguration<ContactTag>
{
    public void Configure(EntityTypeBuilder<ContactTag> b)
    {
        b.ToTable("ContactTags");
        b.HasKey(t => new { t.ContactId, t.Tag });
        b.Property(t => t.Tag).HasMaxLength(50);
        b.HasIndex(t => t.Tag);
    }
}

internal sealed class ConsentLedgerEntryConfiguration : IEntityTypeConfiguration<ConsentLedgerEntry>
{
    public void Configure(EntityTypeBuilder<ConsentLedgerEntry> b)
    {
        b.ToTable("ConsentLedger");
        b.Property(e => e.From).HasConversion(ConsentStorage.Converter).HasMaxLength(10);
        b.Property(e => e.To).HasConversion(ConsentStorage.Converter).HasMaxLength(10);
        b.Property(e => e.Source).HasMaxLength(Contact.MaxConsentSource).IsRequired();
        b.Property(e => e.Evidence).HasMaxLength(Contact.MaxConsentEvidence);
        b.Property(e => e.ChangedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.Phone).HasMaxLength(20);
        b.HasIndex(e => new { e.ContactId, e.At });
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
