using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The booking list read model: a projection of the event store, rebuildable by replay.</summary>
public sealed class BookingRow
{
    public const int MaxAddress = 300;
    public const int MaxZip = 10;
    public const int MaxPackage = 100;
    public const int MaxNotes = 4000;
    public const int MaxCancelReason = 500;

    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public Guid? LeadId { get; set; }
    public DateOnly EventDate { get; set; }
    public TimeOnly? EventTime { get; set; }
    public int GuestCount { get; set; }
    public decimal PricePerPerson { get; set; }
    public decimal Total { get; set; }
    public decimal DepositPaid { get; set; }
    public BookingStatus Status { get; set; }
    public string? Address { get; set; }
    public string? Zip { get; set; }
    public string? Package { get; set; }
    public string? Notes { get; set; }
    public string? CancelReason { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
