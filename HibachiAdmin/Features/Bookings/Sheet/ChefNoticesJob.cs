using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>
/// Texts chefs their assignments when due (every minute). Once per notice: the SMS service answers a repeat of the
/// key <c>chef-sheet:{id}</c> with the first result, and consent is checked at the moment of sending (a chef who texted
/// STOP gets nothing). A chef taken off the party, or a party cancelled or over, withdraws the text.
/// </summary>
public sealed class ChefNoticesJob(IDbContextFactory<AppDbContext> dbFactory, ISmsService sms, TimeProvider time)
{
    public const string Id = "chef-sheet-texts";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<ChefNotice>().Where(n => n.Status == ScheduledStatus.Pending && n.DueAt <= now).OrderBy(n => n.DueAt).Take(200).ToListAsync(ct);
        foreach (var notice in due)
        {
            var row = await db.Set<BookingRow>().AsNoTracking().Include(r => r.ChefRows).FirstOrDefaultAsync(r => r.Id == notice.BookingId, ct);
            var why = row is null || row.Status == BookingStatus.Cancelled ? "party cancelled"
                : row.ChefRows.All(c => c.ChefId != notice.ChefId) ? "chef taken off the party"
                : row.Status == BookingStatus.Completed ? "party over"
                : null;
            if (why is not null)
            {
                (notice.Status, notice.Outcome, notice.DoneAt) = (ScheduledStatus.Cancelled, why, now);
                continue;
            }
            var result = await sms.SendAsync(new OutboundSms(null, notice.Phone, notice.Text, SmsPurpose.Transactional, $"chef-sheet:{notice.Id}"), ct);
            notice.Status = result.Accepted ? ScheduledStatus.Sent : ScheduledStatus.Refused;
            notice.Outcome = result.Accepted ? result.ProviderMessageId : result.RefusedReason;
            notice.DoneAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}
