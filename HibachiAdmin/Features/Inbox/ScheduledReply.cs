namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// A reply a person wrote to go out later in a thread (issue 26.5). The row is the truth: the Hangfire job scheduled for
/// it carries only its id, and a minutely sweep sends any row whose time has come, so a restart of in-memory Hangfire
/// loses nothing. An SMS reply goes out when the texting rules allow (<see cref="SendAt"/> may be later than asked);
/// a Meta reply only inside Meta's 24-hour window.
/// </summary>
public sealed class ScheduledReply
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ThreadId { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The time the person picked.</summary>
    public DateTime RequestedAt { get; set; }
    /// <summary>When it goes out: the picked time, or the first time the texting rules allow after it.</summary>
    public DateTime SendAt { get; set; }
    /// <summary>Marketing content (an offer, a promotion): needs the person's opt-in and counts against the marketing caps.</summary>
    public bool Marketing { get; set; }
    public ScheduledReplyStatus Status { get; set; }
    /// <summary>Why it waits longer than asked, or why it failed.</summary>
    public string? Outcome { get; set; }
    /// <summary>The conversation message it became (the SMS service's message id for SMS).</summary>
    public Guid? MessageId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    /// <summary>A claim's expiry: a sender that died mid-send leaves the row to the next one after it.</summary>
    public DateTime? LockedUntil { get; set; }
}
