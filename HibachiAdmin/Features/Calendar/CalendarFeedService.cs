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
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> dbFactory, IBookingCalendar bookings, IChefDirectory chefs, IContactService contacts,
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

    /// <summary>The live link of the business feed or a chef's, if any.</summary>
    public async Task<FeedLink?> LiveLinkAsync(CalendarFeedKind kind, Guid? chefId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.Kind == kind && f.ChefId == chefId && f.RevokedAt == null)
            .Select(f => new FeedLink(f.Id, f.Kind, f.ChefId, f.CreatedAt, f.CreatedBy)).FirstOrDefaultAsync(ct);
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

    /// <summary>
    /// The feed as iCalendar text, or null when it has nothing to serve (a chef who is gone or no longer active).
    /// <paramref name="baseUrl"/> is where the event sheet links point.
    /// </summary>
    public async Task<string?> WriteAsync(CalendarFeed feed, string baseUrl, CancellationToken ct)
    {
        var (from, to) = (formats.Today.AddDays(-PastDays), formats.Today.AddDays(AheadDays));
        var business = configuration["Business:Name"] ?? "Hibachi";
        var chefNames = (await chefs.ListAsync(includeInactive: true, ct)).ToDictionary(c => c.Id);
        var parties = await bookings.PartiesAsync(from, to, ct);
        var assignments = await chefs.AssignmentsBetweenAsync(from, to, ct);
        string? title = $"{business} parties";
        if (feed.Kind == CalendarFeedKind.Chef)
        {
            if (feed.ChefId is not { } chefId || chefNames.GetValueOrDefault(chefId) is not { Active: true } chef)
            {
                return null;
            }
            // A chef's feed: the parties they are on now, and the cancelled ones they were on (so their calendar drops them).
            var theirs = (await chefs.PartiesForChefAsync(chefId, from, to, ct)).Select(p => p.BookingId).ToHashSet();
            parties = parties.Where(p => theirs.Contains(p.Id)).ToList();
            title = $"{business}: {chef.Name}'s parties";
        }
        var onParty = assignments.ToLookup(a => a.BookingId, a => chefNames.GetValueOrDefault(a.ChefId)?.Name ?? "Chef");
        var people = await contacts.GetSummariesAsync(parties.Select(p => p.ContactId).Distinct(), ct);
        var businessWide = feed.Kind == CalendarFeedKind.Business;
        var events = parties.Select(p => new FeedEvent(p, people.GetValueOrDefault(p.ContactId)?.Name ?? "Customer",
            // The business-wide feed never carries a customer's phone; a chef's own feed does, to call on the day.
            businessWide ? null : people.GetValueOrDefault(p.ContactId)?.Phone,
            [.. onParty[p.Id].Distinct().Order(StringComparer.Ordinal)])).ToList();
        return IcalFeedWriter.Write(events, formats.Zone, title, baseUrl, businessWide);
    }

    private static string Cut(string name) => name.Length <= CalendarFeed.MaxActor ? name : name[..CalendarFeed.MaxActor];
}
