using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// The app's one way to text (ISmsService). Enforces consent at the moment of sending, so a STOP that
/// was just processed is seen by the next send: opted-out numbers get nothing but the single opt-out
/// confirmation (and HELP answers); marketing needs opted-in consent. Every attempt is stored.
/// </summary>
public sealed class SmsService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContactService contacts,
    ISmsProvider provider,
    Phones phones,
    IOptions<SmsOptions> options,
    IOptions<BusinessOptions> business,
    TimeProvider time,
    ILogger<SmsService> logger) : ISmsService
{
    public async Task<IReadOnlyDictionary<Guid, SmsDeliveryState>> GetDeliveryAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<OutboundMessage>().AsNoTracking().Where(m => messageIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Status, m.Error, m.RefusedReason }).ToListAsync(ct);
        return rows.ToDictionary(m => m.Id, m => m.Status == OutboundStatus.Refused
            ? new SmsDeliveryState("failed", $"Not sent: {m.RefusedReason}")
            : new SmsDeliveryState(m.Status.ToString().ToLowerInvariant(), m.Error));
    }

    public async Task<SmsSendResult> SendAsync(OutboundSms sms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sms);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (sms.CorrelationId is { } correlation
            && await db.Set<OutboundMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.CorrelationId == correlation, ct) is { } earlier)
        {
            return ToResult(earlier);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var count = SmsSegments.Count(sms.Text ?? "");
        var e164 = phones.ToE164(sms.To);
        // Consent is read at the moment of sending: a STOP committed a moment ago is seen here.
        var contact = e164 is null ? null : await contacts.GetSummaryByPhoneAsync(e164, ct);
        var message = new OutboundMessage
        {
            ContactId = sms.ContactId ?? contact?.Id,
            To = e164 ?? (sms.To.Length > 20 ? sms.To[..20] : sms.To),
            Text = sms.Text ?? "",
            Purpose = sms.Purpose,
            Encoding = count.EncodingName,
            Segments = count.Segments,
            Cost = count.Segments * options.Value.CostPerSegment,
            CorrelationId = sms.CorrelationId,
            CreatedAt = now,
            UpdatedAt = now,
            Provider = provider.Name,
        };
        var refusal = e164 is null ? "invalidNumber"
            : string.IsNullOrWhiteSpace(sms.Text) ? "emptyText"
            : sms.Text.Length > 1000 ? "tooLong"
            : Refusal(sms.Purpose, contact?.SmsConsent ?? SmsConsent.None);
        if (refusal is not null)
        {
            message.Status = OutboundStatus.Refused;
            message.RefusedReason = refusal;
            // Not idempotent on purpose: the same send may be allowed later (e.g. after START).
            message.CorrelationId = null;
            message.Cost = 0;
            db.Add(message);
            await SaveIdempotentAsync(db, ct);
            logger.LogInformation("Refused {Purpose} text to {To}: {Reason}", sms.Purpose, Common.Pii.Phone(message.To), refusal);
            return new SmsSendResult(false, message.Id, null, refusal);
        }

        message.Status = OutboundStatus.Queued;
        db.Add(message);
        db.Add(new OutboundStatusChange { MessageId = message.Id, Status = OutboundStatus.Queued, At = now, Detail = "accepted by the app" });
        if (!await SaveIdempotentAsync(db, ct))
        {
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            return ToResult(await again.Set<OutboundMessage>().AsNoTracking().FirstAsync(m => m.CorrelationId == sms.CorrelationId, ct));
        }

        ProviderSendResult sent;
        try
        {
            sent = await provider.SendAsync(message.Id, message.To, message.Text, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            sent = new ProviderSendResult(false, null, ex.Message);
        }
        await using var update = await dbFactory.CreateDbContextAsync(ct);
        var row = await update.Set<OutboundMessage>().FirstAsync(m => m.Id == message.Id, ct);
        row.ProviderMessageId = sent.ProviderMessageId;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (!sent.Accepted)
        {
            row.Status = OutboundStatus.Failed;
            row.Error = sent.Error is { Length: > 500 } e ? e[..500] : sent.Error;
            update.Add(new OutboundStatusChange { MessageId = row.Id, Status = OutboundStatus.Failed, At = row.UpdatedAt, Detail = row.Error });
        }
        await update.SaveChangesAsync(ct);
        return sent.Accepted
            ? new SmsSendResult(true, row.Id, row.ProviderMessageId, null)
            : new SmsSendResult(false, row.Id, null, "providerError");
    }

    public async Task<DateTime> EarliestAllowedSendTimeAsync(string to, SmsPurpose purpose, DateTime notBeforeUtc, CancellationToken ct)
    {
        if (purpose is not (SmsPurpose.Marketing or SmsPurpose.Transactional))
        {
            return notBeforeUtc;
        }
        var parsed = phones.Parse(to);
        if (parsed is null)
        {
            return notBeforeUtc;
        }
        var contact = await contacts.GetSummaryByPhoneAsync(parsed.E164, ct);
        var state = contact?.State ?? parsed.State;
        var zoneIds = !string.IsNullOrEmpty(contact?.TimeZones) ? contact.TimeZones.Split(',') : parsed.TimeZones.ToArray();
        return QuietHours.EarliestAllowed(notBeforeUtc, state, QuietHours.Zones(zoneIds, business.Value.TimeZone));
    }

    /// <summary>When each number last received marketing texts (sent or in flight) since <paramref name="sinceUtc"/>, for frequency caps. One query.</summary>
    public async Task<IReadOnlyDictionary<string, List<DateTime>>> MarketingSentSinceAsync(DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<OutboundMessage>().AsNoTracking()
            .Where(m => m.Purpose == SmsPurpose.Marketing && m.Status != OutboundStatus.Refused && m.CreatedAt >= sinceUtc)
            .Select(m => new { m.To, m.CreatedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.To).ToDictionary(g => g.Key, g => g.Select(r => r.CreatedAt).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Current status of sent texts, for lists that show delivery (one query per 500 ids).</summary>
    public async Task<IReadOnlyDictionary<Guid, (OutboundStatus Status, DateTime? DeliveredAt, string? Error)>> GetStatusesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var result = new Dictionary<Guid, (OutboundStatus, DateTime?, string?)>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var m in await db.Set<OutboundMessage>().AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.Status, m.DeliveredAt, m.Error }).ToListAsync(ct))
            {
                result[m.Id] = (m.Status, m.DeliveredAt, m.Error);
            }
        }
        return result;
    }

    /// <summary>Texts whose idempotency key starts with <paramref name="prefix"/>, counted by status in one query (e.g. a campaign's).</summary>
    public async Task<IReadOnlyDictionary<OutboundStatus, int>> CountByCorrelationPrefixAsync(string prefix, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.CorrelationId != null && m.CorrelationId.StartsWith(prefix))
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>The earlier attempt with this idempotency key, if any (a send retried after a crash).</summary>
    public async Task<SmsSendResult?> FindByCorrelationAsync(string correlationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<OutboundMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.CorrelationId == correlationId, ct) is { } m ? ToResult(m) : null;
    }

    public async Task<OutboundMessage?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<OutboundMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    /// <summary>Applies a provider receipt; an older status arriving late never moves a message backwards.</summary>
    public async Task<bool> ApplyStatusAsync(Guid messageId, OutboundStatus status, string? detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Set<OutboundMessage>().FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null || OutboundMessage.Rank(status) <= OutboundMessage.Rank(message.Status))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        message.Status = status;
        message.UpdatedAt = now;
        if (status == OutboundStatus.Sent)
        {
            message.SentAt = now;
        }
        if (status == OutboundStatus.Delivered)
        {
            message.DeliveredAt = now;
            message.SentAt ??= now;
        }
        if (status == OutboundStatus.Failed)
        {
            message.Error = detail;
        }
        db.Add(new OutboundStatusChange { MessageId = messageId, Status = status, Detail = detail, At = now });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Outbound RingCentral messages still in flight (to re-read after a message-store change event).</summary>
    public async Task<IReadOnlyList<(Guid Id, string ProviderMessageId)>> InFlightAsync(string providerName, TimeSpan window, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().UtcDateTime - window;
        var rows = await db.Set<OutboundMessage>().AsNoTracking()
            .Where(m => m.Provider == providerName && m.ProviderMessageId != null && m.CreatedAt >= since
                        && (m.Status == OutboundStatus.Queued || m.Status == OutboundStatus.Sent))
            .OrderBy(m => m.CreatedAt).Take(max).Select(m => new { m.Id, m.ProviderMessageId }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.ProviderMessageId!)).ToList();
    }

    public string HelpText => options.Value.HelpText is { Length: > 0 } text
        ? text
        : $"{business.Value.Name}{(business.Value.Phone is { } p ? $": {Phones.Display(p)}" : "")}. Msg&data rates may apply. Reply STOP to opt out.";

    public string OptOutConfirmationText => $"{business.Value.Name}: you are unsubscribed and will get no more texts. Reply START to resubscribe.";

    /// <summary>What CTIA's Messaging Principles ask of an opt-in confirmation: who, how often, rates, HELP and STOP.</summary>
    public string OptInConfirmationText => $"{business.Value.Name}: you're subscribed to texts about your parties and our offers (up to 4 msgs/month). Msg & data rates may apply. Reply HELP for help, STOP to opt out.";

    private static string? Refusal(SmsPurpose purpose, SmsConsent consent) => (purpose, consent) switch
    {
        (SmsPurpose.OptOutConfirmation or SmsPurpose.Help, _) => null,
        (_, SmsConsent.OptedOut) => "optedOut",
        (SmsPurpose.Marketing, not SmsConsent.OptedIn) => "noConsent",
        _ => null,
    };

    /// <summary>Saves; false when a concurrent send with the same correlation id won the unique index.</summary>
    private static async Task<bool> SaveIdempotentAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static SmsSendResult ToResult(OutboundMessage m) =>
        m.Status == OutboundStatus.Refused ? new SmsSendResult(false, m.Id, null, m.RefusedReason)
        : m.Status == OutboundStatus.Failed && m.ProviderMessageId is null ? new SmsSendResult(false, m.Id, null, "providerError")
        : new SmsSendResult(true, m.Id, m.ProviderMessageId, null);
}
