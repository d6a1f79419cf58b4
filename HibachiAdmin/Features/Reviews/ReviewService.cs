using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Reviews.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Google;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Reviews;

/// <summary>
/// The reviews feature's public service: Google import (recent pages often, everything nightly: Google's
/// paging can drop reviews after the first page), Yelp/Facebook by hand (their APIs allow neither import
/// nor reply), matching to a contact and booking, replies with suggestions whose tone follows the rating,
/// and a person's approval before a reply to 3 stars or less goes out.
/// </summary>
public sealed class ReviewService(
    IDbContextFactory<AppDbContext> dbFactory,
    IGoogleReviewSource google,
    IContactService contacts,
    IBookingService bookings,
    ReplySuggester suggester,
    HibachiAdmin.Infrastructure.Events.EventStore events,
    TimeProvider time,
    ILogger<ReviewService> logger)
{
    public const int ApprovalAtOrBelow = 3;
    public const int MaxReply = 4096;

    /// <summary>
    /// How long a post may stay under way before its row counts as stranded (a crash between marking it Posting and
    /// recording Google's answer; the Google client itself gives up after 30 s): after that a new reply may replace it.
    /// </summary>
    public static readonly TimeSpan PostingStrandedAfter = TimeSpan.FromMinutes(2);

    /// <summary>Reads Google reviews page by page. Incremental: stops at the first page with nothing new or changed. Full: every page.</summary>
    public async Task<ImportResult> ImportGoogleAsync(bool full, CancellationToken ct)
    {
        string? token = null;
        int pages = 0, seen = 0, added = 0, updated = 0;
        var now = time.GetUtcNow().UtcDateTime;
        do
        {
            var page = await google.ListAsync(token, ct);
            pages++;
            var reviews = page.Reviews ?? [];
            seen += reviews.Count;
            var (a, u) = await UpsertAsync(reviews, now, ct);
            added += a;
            updated += u;
            token = page.NextPageToken is { Length: > 0 } next ? next : null;
            if (!full && a == 0 && u == 0)
            {
                break;
            }
        }
        while (token is not null && pages < 1000);
        logger.LogInformation("Google reviews import ({Kind}): {Pages} pages, {Seen} seen, {Added} new, {Updated} changed", full ? "full" : "recent", pages, seen, added, updated);
        return new ImportResult(pages, seen, added, updated);
    }

    private async Task<(int Added, int Updated)> UpsertAsync(IReadOnlyList<GoogleReview> reviews, DateTime now, CancellationToken ct)
    {
        // Stryker disable once Block : a shortcut only; without it an empty page reads no rows, changes none and also returns (0, 0)
        if (reviews.Count == 0)
        {
            return (0, 0);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await UpsertOnceAsync(reviews, now, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A reply was written while this page was being applied: read the rows again (the import is idempotent).
            }
        }
    }

    private async Task<(int Added, int Updated)> UpsertOnceAsync(IReadOnlyList<GoogleReview> reviews, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = reviews.Select(r => r.ReviewId).ToList();
        var existing = await db.Set<Review>().Where(r => r.Platform == ReviewPlatform.Google && ids.Contains(r.ExternalId)).ToDictionaryAsync(r => r.ExternalId, ct);
        int added = 0, updated = 0;
        foreach (var g in reviews.DistinctBy(r => r.ReviewId))
        {
            if (!existing.TryGetValue(g.ReviewId, out var row))
            {
                row = new Review { Platform = ReviewPlatform.Google, ExternalId = Cut(g.ReviewId, 200)!, ImportedAt = now };
                db.Add(row);
                Apply(row, g);
                await MatchAsync(row, ct);
                added++;
                Announce(db, row);
            }
            else if (row.UpdatedAt != g.UpdateTime || (g.ReviewReply?.Comment is { } c && row.ReplyText != c && row.ReplyState is not (ReplyState.AwaitingApproval or ReplyState.Draft)))
            {
                Apply(row, g);
                updated++;
            }
            row.LastSeenAt = now;
        }
        await db.SaveChangesAsync(ct);
        return (added, updated);
    }

    /// <summary>Tells other features (alerts) of a review seen for the first time, in the unit of work that stores it.</summary>
    private void Announce(AppDbContext db, Review row) =>
        events.Publish(db, ReviewEvents.Received, row.Id, new ReviewReceived(row.Id, row.Rating, row.ReviewerName, row.Platform.Label(), row.Text));

    private static void Apply(Review row, GoogleReview g)
    {
        row.ResourceName = Cut(g.Name, 300);
        row.ReviewerName = Cut(g.Reviewer?.IsAnonymous == true ? "A Google user" : g.Reviewer?.DisplayName ?? "A Google user", 200)!;
        row.Rating = g.Stars;
        row.Text = Cut(g.Comment, 5000);
        row.CreatedAt = g.CreateTime.ToUniversalTime();
        row.UpdatedAt = g.UpdateTime;
        if (g.ReviewReply?.Comment is { } reply && row.ReplyState is not (ReplyState.AwaitingApproval or ReplyState.Draft or ReplyState.Posting))
        {
            reply = Cut(reply, MaxReply)!;
            if (reply != row.ReplyText || row.ReplyState != ReplyState.Posted)
            {
                row.ReplyVersion++;
            }
            if (reply != row.ReplyText)
            {
                // Written on Google itself (or an older text than ours): nobody here approved these words.
                row.ApprovedBy = null;
            }
            row.ReplyText = reply;
            row.ReplyUpdatedAt = g.ReviewReply.UpdateTime?.ToUniversalTime();
            row.ReplyState = ReplyState.Posted;
            row.ReplyError = null;
        }
    }

    /// <summary>Matches a review to a contact by name (full name, or "First L.") and to that contact's party before the review.</summary>
    private async Task MatchAsync(Review row, CancellationToken ct)
    {
        var name = row.ReviewerName.Trim();
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || name.Contains("Google user", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var candidates = (await contacts.SearchAsync(new ContactQuery(Q: parts[0], PageSize: 50), ct)).Items;
        var initial = parts.Length == 2 && parts[1].TrimEnd('.').Length == 1 ? char.ToUpperInvariant(parts[1][0]) : (char?)null;
        var matches = candidates.Where(c => string.Equals(c.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)
            || (initial is { } i && c.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, .., var last]
                && string.Equals(first, parts[0], StringComparison.OrdinalIgnoreCase) && char.ToUpperInvariant(last[0]) == i)).ToList();
        if (matches.Count != 1)
        {
            return;
        }
        row.ContactId = matches[0].Id;
        var reviewDay = DateOnly.FromDateTime(row.CreatedAt);
        var parties = await bookings.ForContactsAsync([matches[0].Id], row.CreatedAt.AddDays(-365), row.CreatedAt, ct);
        row.BookingId = parties.Where(b => b.EventDate <= reviewDay && b.Status != BookingStatus.Cancelled).OrderByDescending(b => b.EventDate).FirstOrDefault()?.Id;
    }

    public async Task<ReviewDto> AddManualAsync(ManualReview input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = new Review
        {
            Platform = input.Platform, ExternalId = $"manual-{Guid.CreateVersion7():N}", ReviewerName = Cut(input.ReviewerName.Trim(), 200)!, Rating = input.Rating,
            Text = Cut(input.Text?.Trim(), 5000), Url = Cut(input.Url, 500), CreatedAt = input.CreatedAt, UpdatedAt = input.CreatedAt, ImportedAt = now, LastSeenAt = now,
        };
        await MatchAsync(row, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(row);
        Announce(db, row);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<PagedResult<ReviewDto>> ListAsync(ReviewQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reviews = db.Set<Review>().AsNoTracking();
        if (query.Platform is { } p)
        {
            reviews = reviews.Where(r => r.Platform == p);
        }
        if (query.Rating is { } rating)
        {
            reviews = reviews.Where(r => r.Rating == rating);
        }
        if (query.UnrepliedOnly)
        {
            reviews = reviews.Where(r => r.ReplyState != ReplyState.Posted && r.ReplyState != ReplyState.Manual);
        }
        var total = await reviews.CountAsync(ct);
        var items = await reviews.OrderByDescending(r => r.CreatedAt).Skip(paging.Skip).Take(paging.Take).ToListAsync(ct);
        return new PagedResult<ReviewDto>(items.Select(ToDto).ToList(), total);
    }

    public async Task<ReviewDto?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Review>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r ? ToDto(r) : null;
    }

    /// <summary>Three suggested replies whose tone follows the rating and that mention the matched party.</summary>
    public async Task<IReadOnlyList<string>?> SuggestAsync(Guid id, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } review)
        {
            return null;
        }
        SuggestionContext context = new();
        if (review.BookingId is { } bookingId && await bookings.GetFactsAsync(bookingId, ct) is { } booking)
        {
            context = new SuggestionContext(booking.EventDate, booking.GuestCount, booking.Package, review.ReviewerName);
        }
        return await suggester.ForReviewAsync(review.Rating, review.Text, review.ReviewerName, context, ct);
    }

    /// <summary>
    /// Saves a reply. For 3 stars or less it waits for a manager's approval unless <paramref name="approver"/>
    /// is that person (their own words are what they approve); otherwise Google replies are posted at once and
    /// Yelp/Facebook ones are marked for posting by hand on the site. With <paramref name="version"/> (the reply's
    /// version the writer read) a reply changed since is refused ("changed") instead of overwritten.
    /// </summary>
    public async Task<ReplyOutcome> ReplyAsync(Guid id, string text, int? version, Actor actor, bool approver, CancellationToken ct)
    {
        text = text.Trim();
        if (text.Length is 0 or > MaxReply)
        {
            return new ReplyOutcome(null, "invalid", $"A reply is 1 to {MaxReply} characters.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<Review>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return new ReplyOutcome(null, "notFound");
        }
        if (version is { } read && read != row.ReplyVersion)
        {
            return Changed(row);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (row.ReplyState == ReplyState.Posting && now - row.ReplyUpdatedAt < PostingStrandedAfter)
        {
            // Replacing the text now would leave Google with one text and this row with another.
            return new ReplyOutcome(ToDto(row), "posting", "This reply is being posted right now; read it again in a moment.");
        }
        row.ReplyText = text;
        row.ReplyError = null;
        row.ReplyUpdatedAt = now;
        if (row.Rating <= ApprovalAtOrBelow && !approver)
        {
            row.ReplyState = ReplyState.AwaitingApproval;
            row.ApprovedBy = null;
            return await SaveReplyAsync(db, row, ct)
                ? new ReplyOutcome(ToDto(row), "needsApproval", "Replies to ratings of 3 or less wait for a manager's approval.")
                : await ChangedAsync(id, ct);
        }
        row.ApprovedBy = row.Rating <= ApprovalAtOrBelow ? actor.Name : null;
        return await PublishAsync(db, row, ct);
    }

    /// <summary>
    /// A manager approves the waiting reply as they read it, named by its <paramref name="version"/>; it is then posted
    /// (Google) or marked for posting by hand. A reply changed since is refused ("changed"): it needs a new approval.
    /// </summary>
    public async Task<ReplyOutcome> ApproveAsync(Guid id, int version, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<Review>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return new ReplyOutcome(null, "notFound");
        }
        if (row.ReplyVersion != version)
        {
            return Changed(row);
        }
        if (row.ReplyState != ReplyState.AwaitingApproval || row.ReplyText is null)
        {
            return new ReplyOutcome(ToDto(row), "invalid", "There is no reply waiting for approval.");
        }
        row.ApprovedBy = actor.Name;
        return await PublishAsync(db, row, ct);
    }

    private async Task<ReplyOutcome> PublishAsync(AppDbContext db, Review row, CancellationToken ct)
    {
        if (row.Platform != ReviewPlatform.Google || row.ResourceName is null)
        {
            row.ReplyState = ReplyState.Manual;
            return await SaveReplyAsync(db, row, ct) ? new ReplyOutcome(ToDto(row)) : await ChangedAsync(row.Id, ct);
        }
        row.ReplyState = ReplyState.Posting;
        row.ReplyUpdatedAt = time.GetUtcNow().UtcDateTime;
        // The claim: of writers racing from one version only one gets the row to Posting, and the text it posts is the
        // text it stored with its approver; until the answer is recorded no one else may replace it.
        if (!await SaveReplyAsync(db, row, ct))
        {
            return await ChangedAsync(row.Id, ct);
        }
        try
        {
            var posted = await google.UpdateReplyAsync(row.ResourceName, row.ReplyText!, ct);
            row.ReplyState = ReplyState.Posted;
            row.ReplyUpdatedAt = posted.UpdateTime?.ToUniversalTime() ?? time.GetUtcNow().UtcDateTime;
            // Google has the text: record that even if the caller has gone meanwhile.
            await FinishAsync(db, row);
            return new ReplyOutcome(ToDto(row));
        }
        catch (Exception ex) when (ex is GoogleApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            row.ReplyState = ReplyState.Failed;
            row.ReplyError = Cut(ex.Message, 500);
            await FinishAsync(db, row);
            return new ReplyOutcome(ToDto(row), "providerError", ex.Message);
        }
    }

    /// <summary>Saves a change of the reply as its next version; false when the row changed since it was read.</summary>
    private static async Task<bool> SaveReplyAsync(AppDbContext db, Review row, CancellationToken ct)
    {
        row.ReplyVersion++;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task FinishAsync(AppDbContext db, Review row)
    {
        if (!await SaveReplyAsync(db, row, CancellationToken.None))
        {
            // Only when someone replaced a post taken for stranded (PostingStrandedAfter): theirs is the newer reply.
            logger.LogWarning("Review {ReviewId}: Google's answer to a post ({State}) came after the reply was replaced", row.Id, row.ReplyState);
        }
    }

    private async Task<ReplyOutcome> ChangedAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Review>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } now ? Changed(now) : new ReplyOutcome(null, "notFound");
    }

    private static ReplyOutcome Changed(Review now) => new(ToDto(now), "changed",
        $"The reply changed since it was read (it is now version {now.ReplyVersion}). Read it again: a changed reply needs a new approval.");

    /// <summary>Ratings and reply counts for analytics.</summary>
    public async Task<IReadOnlyList<(DateTime CreatedAt, int Rating, bool Replied, ReviewPlatform Platform)>> RatingsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<Review>().AsNoTracking().Where(r => r.CreatedAt >= fromUtc && r.CreatedAt < toUtc && r.Rating > 0)
            .Select(r => new { r.CreatedAt, r.Rating, Replied = r.ReplyState == ReplyState.Posted || r.ReplyState == ReplyState.Manual, r.Platform }).ToListAsync(ct);
        return rows.Select(r => (r.CreatedAt, r.Rating, r.Replied, r.Platform)).ToList();
    }

    public static ReviewDto ToDto(Review r) => new(r.Id, r.Platform, r.ReviewerName, r.Rating, r.Text, r.Url, r.CreatedAt, r.ReplyText, r.ReplyUpdatedAt,
        r.ReplyState, r.ReplyError, r.ApprovedBy, r.ReplyVersion, r.ContactId, r.BookingId);

    private static string? Cut(string? text, int max) => text is { } t && t.Length > max ? t[..max] : text;
}
