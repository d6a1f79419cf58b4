using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// Double opt-in: the only way anyone but the person moves a contact toward "opted in". An ask makes the
/// contact <see cref="SmsConsent.PendingConfirmation"/> (ledger row with the evidence) and schedules one
/// confirmation text; the person's YES (a keyword, <see cref="ContactService.ApplyKeywordAsync"/>) opts
/// them in. A number is texted at most twice while it has not answered (<see cref="ConsentPolicy.MayText"/>),
/// and never after a STOP.
/// </summary>
public sealed partial class OptInRequestService(IDbContextFactory<AppDbContext> dbFactory, EventStore events, OutboxSignal outbox, TimeProvider time) : IOptInRequests
{
    public const string RequestedEvent = IOptInRequests.RequestedEvent;

    /// <summary>Asks, in the caller's unit of work (the contact is tracked there): commits with the caller's save.</summary>
    public async Task<OptInAskOutcome> AskAsync(AppDbContext db, Contact contact, OptInAsk ask, Actor actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ask.Source);
        var decision = ConsentPolicy.Decide(contact.SmsConsent, SmsConsent.OptedIn);
        if (decision.Kind == ConsentDecisionKind.Unchanged)
        {
            return OptInAskOutcome.AlreadyOptedIn;
        }
        if (contact.Phone is not { } phone)
        {
            return OptInAskOutcome.NoPhone;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var evidence = ask.Evidence is { Length: > ConsentRequest.MaxEvidence } e ? e[..ConsentRequest.MaxEvidence] : ask.Evidence;
        var request = new ConsentRequest
        {
            ContactId = contact.Id, Phone = phone, Source = ask.Source, Evidence = evidence,
            RequestedBy = actor.Name, RequestedAt = now, DueAt = now,
        };
        if (decision.Kind == ConsentDecisionKind.Refuse)
        {
            // Kept as evidence of the attempt; the person is not texted.
            db.Add(Done(request, "not sent: the person opted out, only they can opt back in", now));
            return OptInAskOutcome.OptedOut;
        }
        // The questions this number has had since the person last answered one themselves (YES, START, STOP from
        // their phone). A withdrawn ask and a new one do not start the count again: the person still has not answered.
        // A new number starts its own count: its owner was never asked.
        // Asks added earlier in this unit of work (an import naming a number twice) count too.
        var asked = db.ChangeTracker.Entries<ConsentRequest>().Where(r => r.State == EntityState.Added).Select(r => r.Entity)
            .Where(r => r.ContactId == contact.Id && r.Phone == phone && r.Status != ConsentRequestStatus.NotSent)
            .Select(r => r.RequestedAt).ToList();
        // A contact created in this unit of work (most of an import) has no history to read: no query for it.
        if (db.Entry(contact).State != EntityState.Added)
        {
            var answeredAt = await db.Set<ConsentLedgerEntry>().AsNoTracking()
                .Where(l => l.ContactId == contact.Id && l.Source == ContactService.KeywordSource)
                .MaxAsync(l => (DateTime?)l.At, ct) ?? DateTime.MinValue;
            asked.AddRange(await db.Set<ConsentRequest>().AsNoTracking()
                .Where(r => r.ContactId == contact.Id && r.Phone == phone && r.RequestedAt >= answeredAt && r.Status != ConsentRequestStatus.NotSent)
                .Select(r => r.RequestedAt).ToListAsync(ct));
        }
        // Stryker disable once Linq : Max and Min differ only with two or more asks, where MayText refuses whatever the times
        DateTime? last = asked.Count > 0 ? asked.Max() : null;
        ContactService.ApplyConsent(db, contact, new ConsentChange(SmsConsent.PendingConfirmation, ask.Source, evidence), actor, now);
        if (!ConsentPolicy.MayText(asked.Count, last, now))
        {
            db.Add(Done(request, asked.Count >= ConsentPolicy.MaxTextsWhileUnanswered
                ? $"not sent: {asked.Count} confirmation texts are unanswered already"
                : "not sent: a confirmation text went out less than a day ago", now));
            return OptInAskOutcome.AlreadyAsked;
        }
        db.Add(request);
        events.Publish(db, RequestedEvent, contact.Id, new OptInRequested(request.Id, contact.Id));
        SignalAfterSave(db);
        return OptInAskOutcome.Asked;
    }

    /// <summary>Asks for a contact the caller's unit of work found by number (see <see cref="ContactService.FindOrCreateByPhoneAsync(AppDbContext, string, string?, CancellationToken)"/>).</summary>
    public async Task<OptInAskOutcome> AskAsync(AppDbContext db, Guid contactId, OptInAsk ask, Actor actor, CancellationToken ct)
    {
        var contact = db.Set<Contact>().Local.FirstOrDefault(c => c.Id == contactId)
                      ?? await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == contactId, ct)
                      ?? throw new InvalidOperationException($"Contact {contactId} does not exist.");
        return await AskAsync(db, contact, ask, actor, ct);
    }

    /// <returns>null unless the request exists and is still waiting to be sent.</returns>
    public async Task<OptInRequestToSend?> ToSendAsync(AppDbContext db, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<ConsentRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is not { Status: ConsentRequestStatus.Scheduled })
        {
            return null;
        }
        var contact = await db.Set<Contact>().AsNoTracking().Where(c => c.Id == request.ContactId)
            .Select(c => new { c.Name, c.Phone, c.SmsConsent }).FirstAsync(ct);
        // A number changed since the ask is not the number that was asked about.
        var consent = contact.Phone == request.Phone ? contact.SmsConsent : SmsConsent.None;
        return new OptInRequestToSend(request.Id, request.ContactId, request.Phone, contact.Name, consent);
    }

    /// <summary>Marks a request sent or not sent, in the caller's unit of work (after <see cref="ToSendAsync"/> on the same context).</summary>
    public async Task CompleteAsync(AppDbContext db, Guid requestId, bool sent, string? outcome, Guid? messageId, CancellationToken ct)
    {
        var request = await db.Set<ConsentRequest>().FirstAsync(r => r.Id == requestId, ct);
        request.Status = sent ? ConsentRequestStatus.Sent : ConsentRequestStatus.NotSent;
        request.Outcome = outcome is { Length: > 300 } o ? o[..300] : outcome;
        request.MessageId = messageId;
        request.DoneAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Moves a request to the person's next sending hour (it is picked up by the due sweep then).</summary>
    public async Task RescheduleAsync(AppDbContext db, Guid requestId, DateTime dueAtUtc, CancellationToken ct)
    {
        var request = await db.Set<ConsentRequest>().FirstAsync(r => r.Id == requestId, ct);
        request.DueAt = dueAtUtc;
    }

    /// <summary>Requests whose time has come, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> DueAsync(int take, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConsentRequest>().AsNoTracking()
            .Where(r => r.Status == ConsentRequestStatus.Scheduled && r.DueAt <= now)
            .OrderBy(r => r.DueAt).Select(r => r.Id).Take(take).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<OptInRequestDto>> ForContactAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConsentRequest>().AsNoTracking().Where(r => r.ContactId == contactId)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => new OptInRequestDto(r.Id, r.Source, r.Evidence, r.RequestedBy, r.RequestedAt, r.DueAt, r.Status, r.Outcome, r.DoneAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The question should reach the person within seconds of the ask, not at the next minute's sweep: once the
    /// caller's save succeeds, the outbox dispatcher is woken (once per unit of work).
    /// </summary>
    private void SignalAfterSave(AppDbContext db)
    {
        const string key = "opt-in-requests:signal";
        if (UnitOfWorkCache.TryGet<object>(db, key, out _))
        {
            return;
        }
        // Stryker disable once Boolean : only the key's presence is read (TryGet above), never the value
        UnitOfWorkCache.Set<object>(db, key, true);
        db.SavedChanges += (_, _) => outbox.Committed();
    }

    private static ConsentRequest Done(ConsentRequest request, string outcome, DateTime now)
    {
        request.Status = ConsentRequestStatus.NotSent;
        request.Outcome = outcome;
        request.DoneAt = now;
        return request;
    }
}
