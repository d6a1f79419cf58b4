using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Calendar;

/// <summary>
/// Calendar feed links: issued (the token shown once), revoked, found by token, and written as iCalendar. A feed lists the
/// parties from <see cref="PastDays"/> ago to <see cref="AheadDays"/> ahead, cancelled ones included (so subscribers drop them).
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> dbFactory, IBookingCalendar bookings, IContactService contacts,
    IConfiguration configuration, Formats formats, TimeProvider time)
{
    public const int PastDays = 60;
    public const int AheadDays = 540;

    /// <summary>Issues a new link for the business feed or a chef's, revoking the one before it. Returns the token (shown once).</summary>
    public async Task<string> IssueAsync(CalendarFeedKind kind, Guid? chefId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await RevokeInAsync(db, kind, chefId, actor, now, ct);
        var token = FeedTokens.New();
        db.Add(new CalendarFeed { Kind = kind, ChefId = chefId, TokenHash = FeedTokens.Hash(token), CreatedAt = now, CreatedBy = Cut(actor.Name) });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Stops the live link of the business feed or a chef's; true when there was one.</summary>
    public async Task<bool> RevokeAsync(CalendarFeedKind kind, Guid? chefId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revoked = await RevokeInAsync(db, kind, chefId, actor, time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return revoked > 0;
    }

    private static async Task<int> RevokeInAsync(AppDbContext db, CalendarFeedKind kind, Guid? chefId, Actor actor, DateTime now, CancellationToken ct)
    {
        var live = await db.Set<CalendarFeed>().Where(f => f.Kind == kind && f.ChefId == chefId && f.RevokedAt == null).ToListAsync(ct);
        foreach (var feed in live)
        {
            (feed.RevokedAt, feed.RevokedBy) = (now, Cut(actor.Name));
        }
        return live.Count;
    }

    public async Task<IReadOnlyList<FeedLink>> LiveLinksAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.RevokedAt == null)
            .Select(f => new FeedLink(f.Id, f.Kind, f.ChefId, f.CreatedAt, f.CreatedBy)).ToListAsync(ct);
    }

    /// <summary>The live feed a token opens, or null (malformed, unknown or revoked: all the same to the caller).</summary>
    public async Task<CalendarFeed?> FindAsync(string? token, CancellationToken ct)
    {
        if (!FeedTokens.IsWellFormed(token))
        {
            return null;
        }
        var hash = FeedTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
    }

    /// <summary>The feed as iCalendar text. <paramref name="baseUrl"/> is where the event sheet links point.</summary>
    public async Task<string> WriteAsync(CalendarFeed feed, string baseUrl, CancellationToken ct)
    {
        var today = formats.Today;
        var parties = await bookings.PartiesAsync(today.AddDays(-PastDays), today.AddDays(AheadDays), ct);
        var names = await contacts.GetSummariesAsync(parties.Select(p => p.ContactId).Distinct(), ct);
        var business = configuration["Business:Name"] ?? "Hibachi";
        // The business-wide feed never carries a customer's phone.
        var events = parties.Select(p => new FeedEvent(p, names.GetValueOrDefault(p.ContactId)?.Name ?? "Customer", null, [])).ToList();
        return IcalFeedWriter.Write(events, formats.Zone, $"{business} parties", baseUrl, businessWide: true);
    }

    private static string Cut(string name) => name.Length <= CalendarFeed.MaxActor ? name : name[..CalendarFeed.MaxActor];
}
