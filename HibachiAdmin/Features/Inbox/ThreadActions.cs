using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>What staff do to a thread besides replying: its status, who has it, internal notes, and a lead from it.</summary>
public sealed class ThreadActions(
    IDbContextFactory<AppDbContext> dbFactory,
    IContactService contacts,
    ILeadService leads,
    IntentClassifier intents,
    InboxNotifier notifier,
    TimeProvider time)
{
    /// <summary>Open, pending, resolved (which ends the customer's wait), or snoozed until a time (a customer reply reopens it).</summary>
    public async Task<bool> SetStatusAsync(Guid threadId, ThreadStatus status, DateTime? snoozeUntil, CancellationToken ct)
    {
        if (status == ThreadStatus.Snoozed && snoozeUntil is null)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Set<ConversationThread>().Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.SnoozedUntil, status == ThreadStatus.Snoozed ? snoozeUntil : null)
                // Resolving ends the wait (WaitingRule); reopening later does not bring the old wait back, the customer's next message starts a new one.
                .SetProperty(t => t.WaitingSince, t => status == ThreadStatus.Resolved ? null : t.WaitingSince), ct);
        notifier.Publish(threadId);
        return changed == 1;
    }

    /// <param name="assigneeId">The user's id (their email), or null to unassign.</param>
    public async Task<bool> AssignAsync(Guid threadId, string? assigneeId, string? assigneeName, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Set<ConversationThread>().Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AssigneeId, assigneeId).SetProperty(t => t.AssigneeName, assigneeId == null ? null : assigneeName ?? assigneeId), ct);
        notifier.Publish(threadId);
        return changed == 1;
    }

    public async Task<NoteView?> AddNoteAsync(Guid threadId, string text, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<ConversationThread>().AnyAsync(t => t.Id == threadId, ct))
        {
            return null;
        }
        var note = new ThreadNote { ThreadId = threadId, Text = text.Length > 2000 ? text[..2000] : text, Author = actor.Name, At = time.GetUtcNow().UtcDateTime };
        db.Add(note);
        await db.SaveChangesAsync(ct);
        notifier.Publish(threadId);
        return new NoteView(note.Id, note.Text, note.Author, note.At);
    }

    /// <summary>
    /// Makes a lead from the conversation (or returns the one it already has): the contact is the
    /// thread's (one is created for an Instagram/Facebook person without one), the date, guests, ZIP and
    /// occasion come from what the person wrote. The lead links to the thread and the thread to the lead.
    /// </summary>
    public async Task<LeadLink?> ConvertToLeadAsync(Guid threadId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Id == threadId, ct);
        if (thread is null)
        {
            return null;
        }
        if (thread.LeadId is { } existing && await leads.GetDtoAsync(existing, ct) is not null)
        {
            return new LeadLink(existing, false);
        }
        var contactId = thread.ContactId ?? await contacts.CreateSocialContactAsync(thread.Title,
            thread.Platform == Platform.Instagram ? thread.ExternalId : null, thread.Platform == Platform.Facebook ? thread.ExternalId : null, ct);
        var inbound = await db.Set<ConversationMessage>().AsNoTracking()
            .Where(m => m.ThreadId == threadId && m.Direction == MessageDirection.Inbound && m.Kind != MessageKind.Reaction)
            .OrderByDescending(m => m.At).Take(10).Select(m => new { m.Text, m.At, m.Id }).ToListAsync(ct);
        var text = string.Join("\n", inbound.AsEnumerable().Reverse().Select(m => m.Text));
        var intent = await intents.ClassifyAsync(text, inbound.FirstOrDefault()?.At ?? time.GetUtcNow().UtcDateTime, ct);
        var source = thread.Platform switch { Platform.Instagram => LeadSource.Instagram, Platform.Facebook => LeadSource.Facebook, _ => LeadSource.Sms };
        var (leadId, created) = await leads.CreateOrUpdateOpenLeadAsync(new NewLead(contactId, source,
            EventDate: intent.EventDate, GuestCount: intent.GuestCount is > 0 and <= ILeadService.MaxGuests ? intent.GuestCount : null,
            Zip: intent.Zip is { Length: <= 10 } zip ? zip : null, Location: intent.City is { Length: <= 200 } city ? city : null,
            Occasion: intent.Occasion is { Length: > 0 and <= 100 } o ? char.ToUpperInvariant(o[0]) + o[1..] : null,
            EstimatedValue: intent.Budget, Notes: ConversationLog.Limit($"From the {thread.Platform} conversation with {thread.Title}: {text}", 2000),
            ThreadId: thread.Id, MessageId: inbound.FirstOrDefault()?.Id), actor, ct);
        thread.LeadId = leadId;
        thread.ContactId = contactId;
        await db.SaveChangesAsync(ct);
        notifier.Publish(thread.Id);
        return new LeadLink(leadId, created);
    }
}
