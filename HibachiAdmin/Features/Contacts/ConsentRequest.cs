using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts;

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
