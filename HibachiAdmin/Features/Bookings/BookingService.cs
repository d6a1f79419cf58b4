using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// Runs booking commands: load the stream, decide with the aggregate, append the events, their outbox
/// rows and the read-model change in one transaction, then signal the dispatcher.
/// </summary>
public sealed partial class BookingService(IDbContextFactory<AppDbContext> dbFactory, IContactService contacts, ILeadService leads, EventStore store, OutboxSignal signal, Formats formats,
    IConfiguration configuration, TimeProvider time, BookingChanges changes) : IBookingService
{
    // The business's day: a party "today" in New York is still today at 11 PM there (already tomorrow in UTC).
    private DateOnly Today => formats.Today;

    public async Task<CommandResult> RequestAsync(BookingRequested request, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await contacts.ExistsAsync(request.ContactId, ct))
        {
            return new CommandResult(null, Invalid: "No contact has this id.", Field: "contactId");
        }
        // The saga moves this lead when the booking is confirmed or cancelled: it must be the customer's own.
        if (request.LeadId is { } leadId && (await leads.GetDtoAsync(leadId, ct))?.ContactId != request.ContactId)
        {
            return new CommandResult(null, Invalid: "No lead of this contact has this id.", Field: "leadId");
        }
        var decision = Booking.Request(request, Today);
        return await CommitAsync(db, Guid.CreateVersion7(), 0, decision, null, actor, ct);
    }

    public Task<CommandResult> ExecuteAsync(Guid id, Func<Booking, Decision> command, Actor actor, CancellationToken ct) => ExecuteAsync(id, null, command, actor, ct);

    /// <summary>
    /// Runs a command against the version the caller saw: when the booking changed since (a second
    /// press of "Record deposit", another person's change), it is refused instead of applied twice.
    /// </summary>
    public async Task<CommandResult> ExecuteAsync(Guid id, int? seenVersion, Func<Booking, Decision> command, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ExecuteCheckedAsync(db, id, seenVersion, command, check: null, actor, ct);
    }

    public Task<CommandResult> DepositAsync(Guid id, decimal amount, Actor actor, CancellationToken ct) => ExecuteAsync(id, b => b.RecordDeposit(amount), actor, ct);
    public Task<CommandResult> ConfirmAsync(Guid id, Actor actor, CancellationToken ct) => ExecuteAsync(id, b => b.Confirm(), actor, ct);
    public Task<CommandResult> RescheduleAsync(Guid id, DateOnly date, TimeOnly? at, Actor actor, CancellationToken ct) => RescheduleCheckedAsync(id, null, date, at, actor, ct);
    public Task<CommandResult> RescheduleAsync(Guid id, int seenVersion, DateOnly date, TimeOnly? at, Actor actor, CancellationToken ct) => RescheduleCheckedAsync(id, seenVersion, date, at, actor, ct);
    public Task<CommandResult> CompleteAsync(Guid id, Actor actor, CancellationToken ct) => ExecuteAsync(id, b => b.Complete(Today), actor, ct);
    public Task<CommandResult> CancelAsync(Guid id, string? reason, string? leadOutcome, Actor actor, CancellationToken ct) => ExecuteAsync(id, b => b.Cancel(reason, leadOutcome), actor, ct);

    private async Task<CommandResult> CommitAsync(AppDbContext db, Guid id, int expectedVersion, Decision decision, BookingRow? row, Actor actor, CancellationToken ct)
    {
        if (decision.Invalid is not null || decision.Conflict is not null || decision.Forbidden is not null)
        {
            return new CommandResult(null, decision.Invalid, decision.Conflict, Field: decision.Field, Forbidden: decision.Forbidden);
        }
        var appended = store.Append(db, id, BookingEventTypes.StreamType, expectedVersion, decision.Events, new EventMetadata(actor.Name, Guid.NewGuid()));
        if (row is null)
        {
            row = new BookingRow { Id = id };
            db.Add(row);
        }
        // Projected from the stored events themselves (their time, not a second clock read): replay gives the same row.
        foreach (var e in appended)
        {
            BookingProjection.Apply(row, e.EventType, e.Data, e.Version, e.At, e.UserName);
        }
        try
        {
            await EventStore.SaveAsync(db, id, expectedVersion, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            return new CommandResult(null, Conflict: ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A chef's schedule stamp moved under us: another assignment of the same chef was saved first.
            return new CommandResult(null, Conflict: "Another change to this chef's schedule was saved at the same moment; nothing was done. Try again.");
        }
        signal.Committed();
        changes.Publish(id);
        return new CommandResult(row);
    }

    public async Task<PagedResult<BookingRow>> ListAsync(DateOnly? from, DateOnly? to, int page, int pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<BookingRow>().AsNoTracking().Include(r => r.ChefRows).AsQueryable();
        if (from is { } f)
        {
            rows = rows.Where(r => r.EventDate >= f);
        }
        if (to is { } t)
        {
            rows = rows.Where(r => r.EventDate <= t);
        }
        var total = await rows.CountAsync(ct);
        return new PagedResult<BookingRow>(await rows.OrderBy(r => r.EventDate).Skip(paging.Skip).Take(paging.Take).ToListAsync(ct), total);
    }

    /// <summary>Rebuilds the booking read model from the event store (no side effects re-run).</summary>
    public async Task<(int Streams, int Events)> ReplayAsync(CancellationToken ct)
    {
        var counts = await BookingProjection.ReplayAsync(dbFactory, ct);
        changes.Publish();
        return counts;
    }

    /// <summary>Revenue read model: confirmed and completed bookings by event month.</summary>
    public async Task<IReadOnlyList<MonthRevenue>> RevenueAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<BookingRow>().AsNoTracking()
            .Where(r => r.EventDate >= from && r.EventDate <= to && (r.Status == BookingStatus.Confirmed || r.Status == BookingStatus.Completed))
            .Select(r => new { r.EventDate, r.Total, DepositPaid = r.DepositPaid + r.PaidOnline }).ToListAsync(ct);
        return rows.GroupBy(r => (r.EventDate.Year, r.EventDate.Month)).OrderBy(g => g.Key)
            .Select(g => new MonthRevenue(g.Key.Year, g.Key.Month, g.Count(), g.Sum(r => r.Total), g.Sum(r => r.DepositPaid))).ToList();
    }

    public sealed record DayLoad(DateOnly Date, int Bookings, int Guests, bool Overbooked);

    /// <summary>Day capacity: active bookings per date against Bookings:ChefsPerDay.</summary>
    public async Task<IReadOnlyList<DayLoad>> CapacityAsync(DateOnly from, DateOnly to, int chefsPerDay, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.Set<BookingRow>().AsNoTracking()
            .Where(r => r.EventDate >= from && r.EventDate <= to && r.Status != BookingStatus.Cancelled)
            .GroupBy(r => r.EventDate).Select(g => new { Date = g.Key, Count = g.Count(), Guests = g.Sum(r => r.GuestCount) })
            .ToListAsync(ct);
        return days.OrderBy(d => d.Date).Select(d => new DayLoad(d.Date, d.Count, d.Guests, d.Count > chefsPerDay)).ToList();
    }

    /// <summary>Contacts with a party (not cancelled) on a day from <paramref name="from"/> to <paramref name="to"/> (campaigns skip them).</summary>
    public async Task<IReadOnlySet<Guid>> ContactsWithEventsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Set<BookingRow>().AsNoTracking()
            .Where(b => b.EventDate >= from && b.EventDate <= to && b.Status != BookingStatus.Cancelled)
            .Select(b => b.ContactId).Distinct().ToListAsync(ct);
        return ids.ToHashSet();
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> UpcomingPartyStatesAsync(IReadOnlyCollection<Guid> contactIds, DateOnly from, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var chunk in contactIds.Distinct().Chunk(500))
        {
            var rows = await db.Set<BookingRow>().AsNoTracking()
                .Where(b => chunk.Contains(b.ContactId) && b.EventDate >= from && (b.Status == BookingStatus.Requested || b.Status == BookingStatus.Confirmed)
                    && (b.Zip != null || b.Address != null))
                .Select(b => new { b.ContactId, b.Address, b.Zip }).ToListAsync(ct);
            foreach (var person in rows.GroupBy(r => r.ContactId))
            {
                var states = person.SelectMany(r => Common.UsZipStates.Of(r.Address, r.Zip)).Distinct().ToList();
                if (states.Count > 0)
                {
                    result[person.Key] = states;
                }
            }
        }
        return result;
    }

    /// <summary>Bookings of these contacts requested between two instants (attribution by other features).</summary>
    public async Task<IReadOnlyList<BookingSummary>> ForContactsAsync(IReadOnlyCollection<Guid> contactIds, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = new List<BookingSummary>();
        foreach (var chunk in contactIds.Distinct().Chunk(500))
        {
            result.AddRange(await db.Set<BookingRow>().AsNoTracking()
                .Where(b => chunk.Contains(b.ContactId) && b.CreatedAt >= fromUtc && b.CreatedAt <= toUtc)
                .Select(Summary).ToListAsync(ct));
        }
        return result;
    }

    private static readonly System.Linq.Expressions.Expression<Func<BookingRow, BookingSummary>> Summary =
        b => new BookingSummary(b.Id, b.ContactId, b.CreatedAt, b.EventDate, b.Total, b.Status, b.LeadId, b.EventTime, b.GuestCount, b.DepositPaid + b.PaidOnline);

    /// <summary>Every booking of one contact, latest event first (the customer view).</summary>
    public async Task<IReadOnlyList<BookingSummary>> ForContactAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingRow>().AsNoTracking().Where(b => b.ContactId == contactId)
            .OrderByDescending(b => b.EventDate).Select(Summary).ToListAsync(ct);
    }

    /// <summary>
    /// The booking of each lead (a lead card shows it): per lead its live booking, or its latest
    /// cancelled one when all were cancelled. Leads without a booking are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, BookingSummary>> ForLeadsAsync(IEnumerable<Guid> leadIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = new List<BookingSummary>();
        foreach (var chunk in leadIds.Distinct().Chunk(500))
        {
            var ids = chunk.Select(id => (Guid?)id).ToArray();
            found.AddRange(await db.Set<BookingRow>().AsNoTracking().Where(b => ids.Contains(b.LeadId)).Select(Summary).ToListAsync(ct));
        }
        return found.GroupBy(b => b.LeadId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(b => b.Status == BookingStatus.Cancelled).ThenByDescending(b => b.RequestedAt).First());
    }

    /// <summary>Bookings whose event falls between two dates (inclusive), any status: the dashboard's week and chef load.</summary>
    public async Task<IReadOnlyList<BookingSummary>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingRow>().AsNoTracking().Where(b => b.EventDate >= from && b.EventDate <= to)
            .OrderBy(b => b.EventDate).Select(Summary).ToListAsync(ct);
    }

    /// <summary>Bookings requested between two instants, any status (the dashboard's funnel and revenue booked).</summary>
    public async Task<IReadOnlyList<BookingSummary>> RequestedBetweenAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingRow>().AsNoTracking().Where(b => b.CreatedAt >= fromUtc && b.CreatedAt < toUtc).Select(Summary).ToListAsync(ct);
    }

    /// <summary>Open bookings (requested or confirmed) with money still due, soonest first.</summary>
    public async Task<IReadOnlyList<BookingSummary>> OpenAsync(DateOnly from, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingRow>().AsNoTracking()
            .Where(b => b.EventDate >= from && (b.Status == BookingStatus.Requested || b.Status == BookingStatus.Confirmed))
            .OrderBy(b => b.EventDate).Select(Summary).ToListAsync(ct);
    }

    public async Task<BookingRow?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingRow>().AsNoTracking().Include(r => r.PaymentRows).Include(r => r.ChefRows).Include(r => r.Sheet).FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await EventStore.ReadStreamAsync(db, id, ct);
    }

    /// <summary>The texts the booking's saga has scheduled (reminder, review request), soonest first, with what became of each.</summary>
    public async Task<IReadOnlyList<ScheduledMessage>> ScheduledTextsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ScheduledMessage>().AsNoTracking().Where(m => m.BookingId == id).OrderBy(m => m.DueAt).ThenBy(m => m.Kind).ToListAsync(ct);
    }

    public async Task<BookingFacts?> GetFactsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingRow>().AsNoTracking().Where(b => b.Id == id)
            .Select(b => new BookingFacts(b.Id, b.ContactId, b.EventDate, b.GuestCount, b.Package, b.Status)).FirstOrDefaultAsync(ct);
    }
}
