using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
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
public sealed partial class SmsService(
    IDbContextFactory<AppDbContext> dbFactory,
    IContactService contacts,
    ISmsProvider provider,
    Phones phones,
    IOptions<SmsOptions> options,
    IOptions<BusinessOptions> business,
    ITextingRulesSource rules,
    TimeProvider time,
    ILogger<SmsService> logger,
    IEnumerable<IOutboundStatusObserver> observers,
    Infrastructure.Telemetry.AppMetrics metrics) : ISmsService, ISmsBatches
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
        return (await SendManyAsync([sms], ct))[0];
    }

    /// <summary>
    /// Sends a batch of texts with the same guarantees as one <see cref="SendAsync"/> each, in a handful of
    /// round trips instead of several per text: earlier attempts (same idempotency key) and the recipients'
    /// consent are read in one query each right before sending, every accepted text is stored as queued in
    /// one transaction before the provider is called, and the provider's answers are stored in one more.
    /// A crash after the queued rows commit leaves them to answer a retry (never a second text).
    /// </summary>
    /// <returns>One result per input, in input order.</returns>
    public async Task<IReadOnlyList<SmsSendResult>> SendManyAsync(IReadOnlyList<OutboundSms> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new SmsSendResult?[batch.Count];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Stryker disable once Linq : the keys only feed an IN list; a repeated key finds the same rows
        var keys = batch.Select(s => s.CorrelationId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var earlier = new Dictionary<string, OutboundMessage>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var m in await db.Set<OutboundMessage>().AsNoTracking().Where(m => chunk.Contains(m.CorrelationId!)).ToListAsync(ct))
            {
                earlier[m.CorrelationId!] = m;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var numbers = batch.Select(s => phones.ToE164(s.To)).ToArray();
        // Consent is read at the moment of sending: a STOP committed a moment ago is seen here.
        var people = await contacts.GetSummariesByPhonesAsync(numbers.OfType<string>(), ct);
        var queued = new List<(int Index, OutboundMessage Message)>();
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var sms = batch[i];
            if (sms.CorrelationId is { } key && (earlier.TryGetValue(key, out var before) || !inBatch.Add(key)))
            {
                results[i] = before is not null ? ToResult(before) : null; // a repeat within the batch answers like its first below
                continue;
            }
            var e164 = numbers[i];
            var contact = e164 is null ? null : people.GetValueOrDefault(e164);
            // Stryker disable once String : a text without a body is refused (emptyText, cost 0); "" and any other short GSM-7 text both count as one GSM-7 segment
            var count = SmsSegments.Count(sms.Text ?? "");
            var message = new OutboundMessage
            {
                ContactId = sms.ContactId ?? contact?.Id,
                To = e164 ?? sms.To[..Math.Min(sms.To.Length, 20)],
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
            // Stryker disable once Boolean : "?? false" → "?? true" only for a number without a contact, whose consent is None: marketing is refused as noConsent first and other purposes ignore the flag
            var refusal = e164 is null ? "invalidNumber"
                : string.IsNullOrWhiteSpace(sms.Text) ? "emptyText"
                : sms.Text.Length > 1000 ? "tooLong"
                : Refusal(sms.Purpose, contact?.SmsConsent ?? SmsConsent.None, contact?.NumberInvalid ?? false);
            if (refusal is not null)
            {
                message.Status = OutboundStatus.Refused;
                message.RefusedReason = refusal;
                // Not idempotent on purpose: the same send may be allowed later (e.g. after START).
                message.CorrelationId = null;
                message.Cost = 0;
                db.Add(message);
                results[i] = new SmsSendResult(false, message.Id, null, refusal);
                logger.LogInformation("Refused {Purpose} text to {To}: {Reason}", sms.Purpose, Common.Pii.Phone(message.To), refusal);
                continue;
            }
            message.Status = OutboundStatus.Queued;
            db.Add(message);
            db.Add(new OutboundStatusChange { MessageId = message.Id, Status = OutboundStatus.Queued, At = now, Detail = "accepted by the app" });
            queued.Add((i, message));
        }

        if (!await SaveIdempotentAsync(db, ct))
        {
            // A concurrent sender stored one of these keys first: send one by one, each answering from the winner.
            var one = new List<SmsSendResult>(batch.Count);
            foreach (var sms in batch)
            {
                one.Add(await SendAsync(sms, ct));
            }
            return one;
        }

        // Marketing through the provider's batch channel when it has one (High Volume SMS), else one call per text.
        var batched = await CallBatchChannelAsync(db, [.. queued.Select(q => q.Message)], ct);
        for (var q = 0; q < queued.Count; q++)
        {
            var (index, message) = queued[q];
            var sent = batched?[q] ?? await CallProviderAsync(message, ct);
            message.ProviderMessageId = sent.ProviderMessageId;
            message.UpdatedAt = time.GetUtcNow().UtcDateTime;
            if (!sent.Accepted)
            {
                message.Status = OutboundStatus.Failed;
                message.Error = sent.Error is { } e ? e[..Math.Min(e.Length, 500)] : null;
                db.Add(new OutboundStatusChange { MessageId = message.Id, Status = OutboundStatus.Failed, At = message.UpdatedAt, Detail = message.Error });
            }
            results[index] = sent.Accepted
                ? new SmsSendResult(true, message.Id, message.ProviderMessageId, null)
                : new SmsSendResult(false, message.Id, null, "providerError");
        }
        await db.SaveChangesAsync(ct); // nothing to write (all refused or repeats) makes no round trip
        CountHandedOver(queued.Select(q => q.Message), batched is not null);

        // A key repeated within the batch answers like its first occurrence.
        var firstByKey = new Dictionary<string, SmsSendResult>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is { } r && batch[i].CorrelationId is { } key)
            {
                firstByKey.TryAdd(key, r);
            }
        }
        return [.. results.Select((r, i) => r ?? firstByKey[batch[i].CorrelationId!])];
    }

    public async Task<DateTime> EarliestAllowedSendTimeAsync(string to, SmsPurpose purpose, DateTime notBeforeUtc, IReadOnlyCollection<string>? alsoStates, CancellationToken ct)
    {
        if (purpose is not (SmsPurpose.Marketing or SmsPurpose.Transactional or SmsPurpose.ConsentRequest))
        {
            return notBeforeUtc;
        }
        var parsed = phones.Parse(to);
        if (parsed is null)
        {
            return notBeforeUtc;
        }
        var contact = await contacts.GetSummaryByPhoneAsync(parsed.E164, ct);
        // Every state the person may be in: theirs, the number's, and what the caller knows (a party's address).
        var states = new[] { contact?.State, parsed.State }.Concat(alsoStates ?? []).OfType<string>().Where(s => s.Length > 0)
            .Select(s => s.ToUpperInvariant()).Distinct().ToList();
        var zoneIds = !string.IsNullOrEmpty(contact?.TimeZones) ? contact.TimeZones.Split(',') : parsed.TimeZones.ToArray();
        var zones = QuietHours.Zones(zoneIds, business.Value.TimeZone);
        var current = await rules.CurrentAsync(ct);
        return current.EarliestAllowed(notBeforeUtc, states.Count == 0 ? [TextingRules.Anywhere] : states, zones).Earliest;
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

    /// <summary>The same for these numbers only (a sender's batch), one query per 500 numbers: cheap however many texts went out before.</summary>
    public async Task<IReadOnlyDictionary<string, List<DateTime>>> MarketingSentSinceAsync(DateTime sinceUtc, IEnumerable<string> numbers, CancellationToken ct)
    {
        var result = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in numbers.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await db.Set<OutboundMessage>().AsNoTracking()
                .Where(m => chunk.Contains(m.To) && m.Purpose == SmsPurpose.Marketing && m.Status != OutboundStatus.Refused && m.CreatedAt >= sinceUtc)
                .Select(m => new { m.To, m.CreatedAt }).ToListAsync(ct);
            foreach (var r in rows)
            {
                (result.TryGetValue(r.To, out var list) ? list : result[r.To] = []).Add(r.CreatedAt);
            }
        }
        return result;
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

    /// <summary>Which of these idempotency keys already have a stored attempt (one query per 500 keys).</summary>
    public async Task<IReadOnlySet<string>> ExistingCorrelationsAsync(IEnumerable<string> correlationIds, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in correlationIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            found.UnionWith(await db.Set<OutboundMessage>().AsNoTracking().Where(m => chunk.Contains(m.CorrelationId!)).Select(m => m.CorrelationId!).ToListAsync(ct));
        }
        return found;
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
        await RecordStatusAsync(db, message, status, detail, time.GetUtcNow().UtcDateTime, ct);
        await TellObserversAsync(db, [message], ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Moves one text forward to <paramref name="status"/> in <paramref name="db"/>'s unit of work (the caller has checked it
    /// is forward), with its history row; a failure that says the number cannot take texts marks the contact, committing
    /// with the receipt, so the number is marked exactly when the failure is recorded.
    /// </summary>
    private async Task RecordStatusAsync(AppDbContext db, OutboundMessage message, OutboundStatus status, string? detail, DateTime now, CancellationToken ct)
    {
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
            if (CarrierErrors.InvalidNumber(detail) is { } reason)
            {
                await contacts.MarkNumberInvalidAsync(new CrossFeatureTransaction(db), message.To, reason, now, ct);
            }
        }
        db.Add(new OutboundStatusChange { MessageId = message.Id, Status = status, Detail = detail, At = now });
    }

    /// <summary>
    /// Tells the features that keep their own copy of a text's status (a campaign's delivery rows) that these texts moved,
    /// in <paramref name="db"/>'s unit of work: their rows commit with the status or not at all.
    /// </summary>
    private async Task TellObserversAsync(AppDbContext db, IEnumerable<OutboundMessage> moved, CancellationToken ct)
    {
        var changes = moved.Where(m => m.CorrelationId is not null)
            .Select(m => new OutboundStatusChanged(m.Id, m.CorrelationId!, m.Status, m.UpdatedAt, m.Error)).ToList();
        if (changes.Count == 0)
        {
            return;
        }
        var tx = new CrossFeatureTransaction(db);
        foreach (var observer in observers)
        {
            await observer.StatusesChangedAsync(tx, changes, ct);
        }
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
    /// <summary>
    /// The double opt-in question (CTIA: program name, what and how often, rates, HELP and STOP). Only the
    /// person's YES to it opts them in.
    /// </summary>
    public string ConsentRequestText => $"{business.Value.Name}: someone asked for this number to get texts about parties and offers (up to 4 msgs/month). Reply YES to confirm. Msg & data rates may apply. Reply HELP for help, STOP to opt out.";

    public string OptInConfirmationText => $"{business.Value.Name}: you're subscribed to texts about your parties and our offers (up to 4 msgs/month). Msg & data rates may apply. Reply HELP for help, STOP to opt out.";

    /// <summary>Texts sent and refused by the provider (metrics), once their answers are stored.</summary>
    private void CountHandedOver(IEnumerable<OutboundMessage> messages, bool batch)
    {
        var channel = batch ? "batch" : "p2p";
        foreach (var group in messages.GroupBy(m => (m.Purpose, Failed: m.Status == OutboundStatus.Failed)))
        {
            var tags = new System.Diagnostics.TagList { { "purpose", group.Key.Purpose.ToString().ToLowerInvariant() }, { "channel", channel } };
            (group.Key.Failed ? metrics.TextsFailed : metrics.TextsSent).Add(group.Count(), tags);
        }
    }

    /// <summary>Hands a stored text to the provider; a transport failure becomes a refusal with its reason, not an exception.</summary>
    private async Task<ProviderSendResult> CallProviderAsync(OutboundMessage message, CancellationToken ct)
    {
        try
        {
            return await provider.SendAsync(message.Id, message.To, message.Text, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return new ProviderSendResult(false, null, ex.Message);
        }
    }

    private static string? Refusal(SmsPurpose purpose, SmsConsent consent, bool numberInvalid) => (purpose, consent) switch
    {
        (SmsPurpose.OptOutConfirmation or SmsPurpose.Help, _) => null,
        (_, SmsConsent.OptedOut) => "optedOut",
        (SmsPurpose.Marketing, SmsConsent.PendingConfirmation) => "pendingConfirmation",
        (SmsPurpose.Marketing, not SmsConsent.OptedIn) => "noConsent",
        // A carrier said the number cannot receive texts: no marketing until the number changes
        // (texts about a party still go out, so staff see the failure on the booking).
        (SmsPurpose.Marketing, _) when numberInvalid => "invalidNumber",
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
