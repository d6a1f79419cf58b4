using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Calls;

/// <summary>One phone call (a RingCentral telephony session), kept current from session events in sequence order.</summary>
public sealed class CallLog
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string TelephonySessionId { get; set; } = "";
    public string Direction { get; set; } = "";
    public string? FromNumber { get; set; }
    public string? FromName { get; set; }
    public string? ToNumber { get; set; }
    public Guid? ContactId { get; set; }
    /// <summary>Whether the caller was already a contact when the call came in (unknown callers become leads).</summary>
    public bool CallerWasKnown { get; set; }
    /// <summary>Highest event <c>sequence</c> applied; older events arriving late do not overwrite newer state.</summary>
    public long LastSequence { get; set; }
    public string Status { get; set; } = "";
    public DateTime? StartedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int? DurationSeconds { get; set; }
    public bool Missed { get; set; }
    public bool Voicemail { get; set; }
    public string? RecordingId { get; set; }
    public string? RecordingContentUri { get; set; }
    public Guid? LeadId { get; set; }
    /// <summary>The missed-call event (lead, text-back) was queued; set in the same commit as the outbox row, so it is queued once.</summary>
    public bool MissedQueued { get; set; }
    /// <summary>When the missed-call text-back may go out (inside the caller's sending window); null when none is due.</summary>
    public DateTime? TextBackDueAt { get; set; }
    public DateTime? TextBackDoneAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
