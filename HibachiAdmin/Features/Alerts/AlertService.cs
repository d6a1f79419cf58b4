using System.Globalization;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// A person's own alerts (the bell, the alerts page, <c>/api/v1/alerts</c>): their list and unread count (one query
/// each, the same numbers a reload shows), marking read, their choices and their browsers' push subscriptions.
/// Everything is keyed by the signed-in user's id: nobody reads or changes another person's alerts.
/// </summary>
public sealed class AlertService(IDbContextFactory<AppDbContext> dbFactory, AlertChanges changes, TimeProvider time)
{
    public const int MaxList = 100;

    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Alert>().CountAsync(a => a.UserId == userId && a.ShowInApp && a.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<AlertView>> ListAsync(string userId, bool unreadOnly, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<Alert>().AsNoTracking().Where(a => a.UserId == userId && a.ShowInApp);
        if (unreadOnly)
        {
            q = q.Where(a => a.ReadAt == null);
        }
        return await q.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(Math.Clamp(take, 1, MaxList))
            .Select(a => new AlertView(a.Id, a.Kind, a.Title, a.Body, a.Link, a.OccurredAt, a.CreatedAt, a.ReadAt)).ToListAsync(ct);
    }

    /// <summary>Marks one alert (or all, with null) of this person read; false when the alert is not theirs.</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid? id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.Set<Alert>().Where(a => a.UserId == userId);
        if (id is { } one)
        {
            if (!await mine.AnyAsync(a => a.Id == one, ct))
            {
                return false;
            }
            mine = mine.Where(a => a.Id == one);
        }
        var changed = await mine.Where(a => a.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.ReadAt, now), ct);
        if (changed > 0)
        {
            changes.Publish(userId);
        }
        return true;
    }

    public async Task<AlertPreference> GetPreferenceAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<AlertPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct) ?? AlertPreference.Defaults(userId);
    }

    public static AlertPreferencesDto ToDto(AlertPreference p) => new(
        Kinds(p.InAppKinds), Kinds(p.PushKinds), Kinds(p.EmailKinds),
        p.QuietFrom?.ToString("HH:mm", CultureInfo.InvariantCulture), p.QuietUntil?.ToString("HH:mm", CultureInfo.InvariantCulture), p.WaitingMinutes);

    private static List<AlertKind> Kinds(int bits) => [.. Enum.GetValues<AlertKind>().Where(k => (bits & AlertPreference.Bit(k)) != 0)];

    /// <summary>Checks and stores a person's choices; errors by field (camelCase JSON path) and nothing stored when any.</summary>
    public async Task<Dictionary<string, string[]>?> SavePreferenceAsync(string userId, AlertPreferencesDto input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        TimeOnly? Time(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return t;
            }
            errors[field] = ["Expected a time as HH:mm (24-hour, business time zone)."];
            return null;
        }
        var from = Time(input.QuietFrom, "quietFrom");
        var until = Time(input.QuietUntil, "quietUntil");
        if ((from is null) != (until is null) && !errors.ContainsKey("quietFrom") && !errors.ContainsKey("quietUntil"))
        {
            errors[from is null ? "quietFrom" : "quietUntil"] = ["Give both ends of the quiet hours, or neither."];
        }
        if (input.WaitingMinutes is < 1 or > AlertPreference.MaxWaitingMinutes)
        {
            errors["waitingMinutes"] = [$"Between 1 and {AlertPreference.MaxWaitingMinutes} minutes."];
        }
        foreach (var (field, kinds) in new[] { ("inApp", input.InApp), ("push", input.Push), ("email", input.Email) })
        {
            if (kinds is null)
            {
                errors[field] = ["Required: a list of alert kinds (may be empty)."];
            }
            else if (kinds.Any(k => !Enum.IsDefined(k)))
            {
                errors[field] = ["Unknown alert kind."];
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<AlertPreference>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (row is null)
        {
            row = new AlertPreference { UserId = userId };
            db.Add(row);
        }
        row.InAppKinds = Bits(input.InApp);
        row.PushKinds = Bits(input.Push);
        row.EmailKinds = Bits(input.Email);
        row.QuietFrom = from;
        row.QuietUntil = until;
        row.WaitingMinutes = input.WaitingMinutes;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static int Bits(IEnumerable<AlertKind> kinds) => kinds.Aggregate(0, (bits, k) => bits | AlertPreference.Bit(k));

    /// <summary>Stores (or moves to this person) a browser's push subscription; errors by field when it is not one.</summary>
    public async Task<Dictionary<string, string[]>?> SubscribeAsync(string userId, PushSubscriptionInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Endpoint is not { Length: > 0 and <= WebPushSubscription.MaxEndpoint } endpoint
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            errors["endpoint"] = ["Expected the push service's https URL (at most 1000 characters)."];
        }
        if (!IsBase64Url(input.Keys?.P256dh, 65))
        {
            errors["keys.p256dh"] = ["Expected the browser's P-256 public key (base64url, 65 bytes)."];
        }
        if (!IsBase64Url(input.Keys?.Auth, 16))
        {
            errors["keys.auth"] = ["Expected the browser's auth secret (base64url, 16 bytes)."];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<WebPushSubscription>().FirstOrDefaultAsync(s => s.Endpoint == input.Endpoint, ct);
        if (row is null)
        {
            row = new WebPushSubscription { Endpoint = input.Endpoint!, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Add(row);
        }
        row.UserId = userId;
        row.P256dh = input.Keys!.P256dh!;
        row.Auth = input.Keys.Auth!;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<bool> UnsubscribeAsync(string userId, string endpoint, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WebPushSubscription>().Where(s => s.UserId == userId && s.Endpoint == endpoint).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<int> SubscriptionCountAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WebPushSubscription>().CountAsync(s => s.UserId == userId, ct);
    }

    private static bool IsBase64Url(string? text, int bytes)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return false;
        }
        var s = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var written) && written == bytes;
    }
}
