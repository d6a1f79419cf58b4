using System.Buffers.Text;
using System.Security.Cryptography;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Payments.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Saved replies (shared ones managed by Admins, personal ones by their owner), their merge for one conversation, and the
/// files Admins upload for customers (menu PDF, photos). Who may change what is decided here, not only by the pages.
/// </summary>
public sealed class SavedReplyService(IDbContextFactory<AppDbContext> dbFactory, IContactService contacts, IBookingService bookings, IPayLinks payLinks,
    Formats formats, TimeProvider time)
{
    public const int MaxShortcut = 40;
    public const int MaxBody = 1000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>What customers may be sent: PDFs and pictures (nothing a browser would run).</summary>
    public static readonly IReadOnlySet<string> FileTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/jpeg", "image/png", "image/webp", "image/gif",
    };

    /// <summary>The shared replies and this person's own, by shortcut.</summary>
    public async Task<IReadOnlyList<SavedReplyView>> ListAsync(string? userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<SavedReply>().AsNoTracking().Where(r => r.OwnerId == null || userId != null && r.OwnerId == userId).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Shortcut, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.OwnerId == null).Select(View)];
    }

    /// <summary>Saved replies whose shortcut starts with <paramref name="query"/> (then those that contain it), for the composer's <c>/</c>.</summary>
    public static IReadOnlyList<SavedReplyView> Match(IReadOnlyList<SavedReplyView> replies, string query) =>
        [.. replies.Where(r => r.Shortcut.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            .Concat(replies.Where(r => !r.Shortcut.StartsWith(query, StringComparison.OrdinalIgnoreCase) && r.Shortcut.Contains(query, StringComparison.OrdinalIgnoreCase))).Take(8)];

    /// <summary>
    /// Creates or edits a reply. A shared one only by an Admin; a personal one only by its owner.
    /// </summary>
    /// <returns>The reply, or the field and what is wrong with it.</returns>
    public async Task<(SavedReplyView? Reply, string? Field, string? Error)> SaveAsync(Guid? id, string? shortcut, string? body, bool shared, string userId, bool isAdmin,
        Actor actor, CancellationToken ct)
    {
        shortcut = shortcut?.Trim().TrimStart('/');
        body = body?.Trim();
        if (string.IsNullOrEmpty(shortcut) || shortcut.Length > MaxShortcut || !shortcut.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (null, "shortcut", $"A shortcut is 1–{MaxShortcut} letters, digits, '-' or '_' (typed after /).");
        }
        if (string.IsNullOrEmpty(body) || body.Length > MaxBody)
        {
            return (null, "body", $"A saved reply has 1–{MaxBody} characters.");
        }
        if (shared && !isAdmin)
        {
            return (null, "shared", "Only an Admin manages the shared replies.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        SavedReply? row;
        if (id is { } existing)
        {
            row = await db.Set<SavedReply>().FirstOrDefaultAsync(r => r.Id == existing, ct);
            if (row is null || !MayChange(row, userId, isAdmin))
            {
                return (null, "id", "This saved reply does not exist, or it is not yours to change.");
            }
        }
        else
        {
            row = new SavedReply { OwnerId = shared ? null : userId, CreatedAt = now };
            db.Add(row);
        }
        row.Shortcut = shortcut;
        row.Body = body;
        row.UpdatedBy = actor.Name;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (View(row), null, null);
    }

    public async Task<bool> DeleteAsync(Guid id, string userId, bool isAdmin, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<SavedReply>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null || !MayChange(row, userId, isAdmin))
        {
            return false;
        }
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static bool MayChange(SavedReply row, string userId, bool isAdmin) => row.OwnerId is null ? isAdmin : row.OwnerId == userId;

    /// <summary>
    /// A saved reply's body filled in for one conversation: the person's first name, their next party's date and, only
    /// when the body asks for it, a fresh pay link for what that party owes (Payments). For a person to read and send.
    /// </summary>
    public async Task<MergedReply> MergeAsync(Guid threadId, string body, Actor actor, string baseUrl, CancellationToken ct)
    {
        Guid? contactId;
        string title;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var thread = await db.Set<ConversationThread>().AsNoTracking().Where(t => t.Id == threadId).Select(t => new { t.ContactId, t.Title }).FirstOrDefaultAsync(ct);
            contactId = thread?.ContactId;
            title = thread?.Title ?? "";
        }
        var contact = contactId is { } cid ? await contacts.GetSummaryAsync(cid, ct) : null;
        var next = contactId is { } id
            ? (await bookings.ForContactAsync(id, ct)).Where(b => b.Status != BookingStatus.Cancelled && b.EventDate >= formats.Today).OrderBy(b => b.EventDate).FirstOrDefault()
            : null;
        string? link = null;
        if (next is not null && SavedReplyMerge.Uses(body, SavedReplyMerge.DepositLink))
        {
            link = (await payLinks.OfferAsync(next.Id, baseUrl, actor, ct))?.Url;
        }
        var values = new MergeValues(SavedReplyMerge.FirstNameOf(contact?.Name ?? title), next is null ? null : next.EventDate.ToString("dddd, MMMM d", Formats.Culture), link);
        var (text, missing) = SavedReplyMerge.Render(body, values);
        return new MergedReply(text, missing);
    }

    public async Task<IReadOnlyList<SharedFileView>> FilesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SharedFile>().AsNoTracking().OrderByDescending(f => f.CreatedAt)
            .Select(f => new SharedFileView(f.Id, f.Name, f.ContentType, f.Size, "/files/" + f.Token, f.CreatedBy, f.CreatedAt)).ToListAsync(ct);
    }

    /// <returns>The file, or why it was refused (type or size).</returns>
    public async Task<(SharedFileView? File, string? Error)> UploadAsync(string name, string contentType, byte[] content, Actor actor, CancellationToken ct)
    {
        if (!FileTypes.Contains(contentType))
        {
            return (null, "Only PDFs and pictures (JPEG, PNG, WebP, GIF) can be shared with customers.");
        }
        if (content.Length == 0 || content.Length > MaxFileBytes)
        {
            return (null, $"A file has at most {MaxFileBytes / (1024 * 1024)} MB.");
        }
        var clean = PersonNames.Clean(Path.GetFileName(name));
        var row = new SharedFile
        {
            Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), Name = clean.Length == 0 ? "file" : clean.Length > 200 ? clean[..200] : clean,
            ContentType = contentType.ToLowerInvariant(), Size = content.Length, Content = content, CreatedBy = actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return (new SharedFileView(row.Id, row.Name, row.ContentType, row.Size, "/files/" + row.Token, row.CreatedBy, row.CreatedAt), null);
    }

    public async Task<bool> DeleteFileAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SharedFile>().Where(f => f.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>A file by its token (the public address); null for anything else, without a query for a malformed one.</summary>
    public async Task<SharedFile?> FindFileAsync(string token, CancellationToken ct)
    {
        if (token is not { Length: 22 } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SharedFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
    }

    private static SavedReplyView View(SavedReply r) => new(r.Id, r.Shortcut, r.Body, r.OwnerId is null, r.UpdatedBy, r.UpdatedAt);
}
