using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

internal sealed class BookingRowConfiguration : IEntityTypeConfiguration<BookingRow>
{
    public void Configure(EntityTypeBuilder<BookingRow> b)
    {
        b.ToTable("BookingRows");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Address).HasMaxLength(BookingRow.MaxAddress);
        b.Property(r => r.Zip).HasMaxLength(BookingRow.MaxZip);
        b.Property(r => r.Package).HasMaxLength(BookingRow.MaxPackage);
        b.Property(r => r.Notes).HasMaxLength(BookingRow.MaxNotes);
        b.Property(r => r.CancelReason).HasMaxLength(BookingRow.MaxCancelReason);
        b.Property(r => r.PricePerPerson).HasPrecision(10, 2);
        b.Property(r => r.Total).HasPrecision(12, 2);
        b.Property(r => r.DepositPaid).HasPrecision(12, 2);
        b.HasIndex(r => r.EventDate);
        b.HasIndex(r => r.ContactId);
    }
}

/// <summary>Applies booking events to <see cref="BookingRow"/>; used live (same transaction as the append) and by replay.</summary>
public static class BookingProjection
{
    public static void Apply(BookingRow row, string type, string json, int version, DateTime at)
    {
        var o = EventStore.Json;
        switch (type)
        {
            case BookingEventTypes.Requested:
                var r = System.Text.Json.JsonSerializer.Deserialize<BookingRequested>(json, o)!;
                row.ContactId = r.ContactId;
                row.LeadId = r.LeadId;
                row.EventDate = r.EventDate;
                row.EventTime = r.EventTime;
                row.GuestCount = r.GuestCount;
                row.PricePerPerson = r.PricePerPerson;
                row.Total = r.GuestCount * r.PricePerPerson;
                row.Address = r.Address;
                row.Zip = r.Zip;
                row.Package = r.Package;
                row.Notes = r.Notes;
                row.Status = BookingStatus.Requested;
                row.CreatedAt = at;
                break;
            case BookingEventTypes.Deposit:
                row.DepositPaid += System.Text.Json.JsonSerializer.Deserialize<DepositRecorded>(json, o)!.Amount;
                break;
            case BookingEventTypes.Confirmed:
                row.Status = BookingStatus.Confirmed;
                break;
            case BookingEventTypes.Rescheduled:
                var re = System.Text.Json.JsonSerializer.Deserialize<BookingRescheduled>(json, o)!;
                row.EventDate = re.EventDate;
                row.EventTime = re.EventTime;
                break;
            case BookingEventTypes.Completed:
                row.Status = BookingStatus.Completed;
                break;
            case BookingEventTypes.Cancelled:
                row.Status = BookingStatus.Cancelled;
                row.CancelReason = System.Text.Json.JsonSerializer.Deserialize<BookingCancelled>(json, o)!.Reason;
                break;
        }
        row.Version = version;
        row.UpdatedAt = at;
    }

    /// <summary>Rebuilds every booking row from the event store. Side-effect handlers are not involved.</summary>
    public static async Task<(int Streams, int Events)> ReplayAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<BookingRow>().ExecuteDeleteAsync(ct);
        // Each stream's events in version order (rows are keyed by stream, so streams may interleave).
        var events = await db.Set<StoredEvent>().AsNoTracking().Where(e => e.StreamType == BookingEventTypes.StreamType)
            .OrderBy(e => e.Version).ToListAsync(ct);
        var rows = new Dictionary<Guid, BookingRow>();
        foreach (var e in events)
        {
            if (!rows.TryGetValue(e.StreamId, out var row))
            {
                rows[e.StreamId] = row = new BookingRow { Id = e.StreamId };
            }
            Apply(row, e.EventType, e.Data, e.Version, e.At);
        }
        db.AddRange(rows.Values);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (rows.Count, events.Count);
    }
}
