using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts;

public enum ConsentRequestStatus
{
    /// <summary>The confirmation text waits to go out (at <see cref="ConsentRequest.DueAt"/>, inside the person's sending hours).</summary>
    Scheduled = 0,
    Sent = 1,
    /// <summary>No text: the person had answered, opted out, or was asked enough already (see <see cref="ConsentRequest.Outcome"/>).</summary>
    NotSent = 2,
}

/// <summary>
/// Someone other than the person asked for them to get texts (a web form, staff, an import). The row
/// is the evidence (who asked, from where, the wording shown) and the schedule of the one confirmation
/// text ("Reply YES…"). Consent changes only when the person answers from their phone.
/// </summary>
public sealed class ConsentRequest
{
    public const int MaxEvidence = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    /// <summary>E.164 number the confirmation goes to (the contact's number when asked).</summary>
    public string Phone { get; set; } = "";
    /// <summary>e.g. "web-form", "staff", "csv-import".</summary>
    public string Source { get; set; } = "";
    /// <summary>The form and page, time, network, the wording shown; the staff note; the file and row.</summary>
    public string? Evidence { get; set; }
    /// <summary>User email, or the form's name.</summary>
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public DateTime DueAt { get; set; }
    public ConsentRequestStatus Status { get; set; }
    /// <summary>Why it was not sent, or the provider's refusal.</summary>
    public string? Outcome { get; set; }
    public DateTime? DoneAt { get; set; }
    /// <summary>The outbound text (Messaging's message id) once sent.</summary>
    public Guid? MessageId { get; set; }
}

internal sealed class ConsentRequestConfiguration : IEntityTypeConfiguration<ConsentRequest>
{
    public void Configure(EntityTypeBuilder<ConsentRequest> b)
    {
        b.ToTable("ConsentRequests");
        b.Property(r => r.Phone).HasMaxLength(20).IsRequired();
        b.Property(r => r.Source).HasMaxLength(Contact.MaxConsentSource).IsRequired();
        b.Property(r => r.Evidence).HasMaxLength(ConsentRequest.MaxEvidence);
        b.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Outcome).HasMaxLength(300);
        b.HasIndex(r => new { r.Status, r.DueAt });
        b.HasIndex(r => new { r.ContactId, r.RequestedAt });
        b.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
