namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>
/// The text telling a chef about an assignment, with the sheet link: one row per <c>ChefAssigned</c> event (unique), due
/// when the texting rules allow, sent by <see cref="ChefNoticesJob"/> with the row's id as the SMS idempotency key.
/// </summary>
public sealed class ChefNotice
{
    public const int MaxText = 640;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssignmentEventId { get; set; }
    public Guid BookingId { get; set; }
    public Guid ChefId { get; set; }
    public string Phone { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime DueAt { get; set; }
    public ScheduledStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
}
