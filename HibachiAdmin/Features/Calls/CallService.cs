using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Calls.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Calls;

/// <summary>
/// Call log from telephony session events, applied in the caller's unit of work (all or nothing with
/// the notification's processed mark). A missed call or voicemail from an unknown caller is queued as
/// an outbox event in the same commit; <see cref="CallEffects"/> makes the lead and the text-back.
/// </summary>
public sealed class CallService(IDbContextFactory<AppDbContext> dbFactory, IContactService contacts, EventStore events, TimeProvider time) : ICallService, ITelephonyEvents
{
    public const string MissedEvent = Contracts.CallEvents.Missed;

    Task<string> ITelephonyEvents.ApplyTelephonyEventAsync(CrossFeatureTransaction tx, JsonElement body, CancellationToken ct) => ApplyTelephonyEventAsync(tx.Db, body, ct);

    public async Task<string> ApplyTelephonyEventAsync(AppDbContext db, JsonElement body, CancellationToken ct)
    {
        if (!body.TryGetProperty("telephonySessionId", out var s) || s.ValueKind != JsonValueKind.String || s.GetString() is not { Length: > 0 and <= 100 } sessionId)
        {
            return "ignored: body.telephonySessionId is missing or not a string";
        }
        if (!body.TryGetProperty("parties", out var parties) || parties.ValueKind != JsonValueKind.Array || parties.GetArrayLength() == 0)
        {
            return "ignored: body.parties is missing or empty";
        }
        long sequence = 0;
        if (body.TryGetProperty("sequence", out var seq) && !(seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out sequence)))
        {
            // Order comes from the sequence: an event that cannot be ordered must not overwrite newer state.
            return "ignored: body.sequence is not an integer";
        }
        var eventTime = time.GetUtcNow().UtcDateTime;
        if (body.TryGetProperty("eventTime", out var et))
        {
            if (et.ValueKind != JsonValueKind.String || !et.TryGetDateTime(out var when))
            {
                return "ignored: body.eventTime is not an ISO 8601 time";
            }
            eventTime = when.ToUniversalTime();
        }
        var party = parties.EnumerateArray().FirstOrDefault(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("extensionId", out _));
        if (party.ValueKind != JsonValueKind.Object)
        {
            party = parties[0];
        }
        if (party.ValueKind != JsonValueKind.Object)
        {
            return "ignored: body.parties[0] is not an object";
        }
        var direction = Str(party, "direction") is "Outbound" ? "Outbound" : "Inbound";
        var code = party.TryGetProperty("status", out var st) ? Str(st, "code") ?? "" : "";
        var other = direction == "Inbound" ? "from" : "to";
        var number = party.TryGetProperty(other, out var o) ? Str(o, "phoneNumber") : null;
        var name = party.TryGetProperty(other, out var o2) ? Limit(Str(o2, "name"), 200) : null;

        var call = db.Set<CallLog>().Local.FirstOrDefault(c => c.TelephonySessionId == sessionId)
                   ?? await db.Set<CallLog>().FirstOrDefaultAsync(c => c.TelephonySessionId == sessionId, ct);
        if (call is null)
        {
            call = new CallLog { TelephonySessionId = sessionId, Direction = direction, FromName = PersonNames.Clean(name) is { Length: > 0 } clean ? clean : null };
            if (number is not null && await contacts.FindOrCreateByPhoneAsync(new CrossFeatureTransaction(db), number, name, ct) is { } found)
            {
                call.ContactId = found.Contact.Id;
                call.CallerWasKnown = !found.Created;
                call.FromNumber = found.Contact.Phone;
            }
            call.ToNumber = direction == "Inbound" && party.TryGetProperty("to", out var to) ? Limit(Str(to, "phoneNumber"), 20) : null;
            db.Add(call);
        }

        // Facts only ever fill in; the status follows the newest event by sequence.
        if (code is "Setup" or "Proceeding")
        {
            call.StartedAt ??= eventTime;
        }
        if (code == "Answered")
        {
            call.StartedAt ??= eventTime;
            call.AnsweredAt ??= eventTime;
        }
        if (party.TryGetProperty("recordings", out var recordings) && recordings.ValueKind == JsonValueKind.Array && recordings.GetArrayLength() > 0)
        {
            call.RecordingId ??= Limit(Str(recordings[0], "id"), 50);
            call.RecordingContentUri ??= call.RecordingId is { } rid ? $"/restapi/v1.0/account/~/recording/{rid}/content" : null;
        }
        var stale = sequence <= call.LastSequence && call.LastSequence > 0;
        if (!stale)
        {
            call.LastSequence = sequence;
            call.Status = Limit(code, 30) ?? "";
            if (code is "Disconnected" or "Gone" or "VoiceMail")
            {
                call.EndedAt ??= eventTime;
            }
            if (code == "VoiceMail")
            {
                call.Voicemail = true;
            }
        }
        var flaggedMissed = party.TryGetProperty("missedCall", out var missed) && missed.ValueKind == JsonValueKind.True;
        if (call.EndedAt is { } end)
        {
            var start = call.AnsweredAt ?? call.StartedAt;
            call.DurationSeconds = start is { } st2 ? (int)Math.Max(0, (end - st2).TotalSeconds) : null;
        }
        // Recomputed from the facts so far: a late "Answered" event turns an apparent miss back into a call.
        call.Missed = call.Voicemail || (flaggedMissed && call.AnsweredAt is null)
            || (call.EndedAt is not null && call.AnsweredAt is null && call.Direction == "Inbound");
        call.UpdatedAt = time.GetUtcNow().UtcDateTime;

        var staleNote = stale ? " (stale event: status kept)" : "";
        if ((call.Missed || call.Voicemail) && call.EndedAt is not null && !call.CallerWasKnown && call.ContactId is { } contactId && !call.MissedQueued)
        {
            call.MissedQueued = true;
            events.Publish(db, MissedEvent, call.Id, new CallMissed(call.Id, contactId));
            return $"call {call.Id} {code}{staleNote}; missed call from a new caller queued for a lead";
        }
        return $"call {call.Id} {code}{staleNote}";
    }

    /// <summary>Missed-call text-backs due now (rows, so a restart loses none).</summary>
    public async Task<IReadOnlyList<Guid>> DueTextBacksAsync(int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<CallLog>().AsNoTracking().Where(c => c.TextBackDueAt <= now && c.TextBackDoneAt == null)
            .OrderBy(c => c.TextBackDueAt).Take(max).Select(c => c.Id).ToListAsync(ct);
    }

    public async Task MarkTextBackDoneAsync(Guid callId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<CallLog>().Where(c => c.Id == callId && c.TextBackDoneAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.TextBackDoneAt, now), ct);
    }

    public async Task<PagedResult<CallRow>> ListAsync(bool missedOnly, string? direction, int page, int pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = db.Set<CallLog>().AsNoTracking();
        if (missedOnly)
        {
            calls = calls.Where(c => c.Missed || c.Voicemail);
        }
        if (!string.IsNullOrEmpty(direction))
        {
            calls = calls.Where(c => c.Direction == direction);
        }
        var total = await calls.CountAsync(ct);
        var rows = await calls.OrderByDescending(c => c.StartedAt).Skip(paging.Skip).Take(paging.Take)
            .Select(c => new CallRow(c.Id, c.Direction, c.FromNumber, c.FromName, c.ContactId,
                null,
                c.Status, c.StartedAt, c.DurationSeconds, c.Missed, c.Voicemail, c.RecordingId != null, c.LeadId))
            .ToListAsync(ct);
        var names = await contacts.GetSummariesAsync(rows.Where(r => r.ContactId is not null).Select(r => r.ContactId!.Value), ct);
        rows = rows.Select(r => r.ContactId is { } id && names.TryGetValue(id, out var c) ? r with { ContactName = c.Name } : r).ToList();
        return new PagedResult<CallRow>(rows, total);
    }

    /// <summary>Missed calls and voicemails that came in between two instants (the dashboard's "today").</summary>
    public async Task<int> CountMissedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CallLog>().AsNoTracking().CountAsync(c => (c.Missed || c.Voicemail) && c.StartedAt >= fromUtc && c.StartedAt < toUtc, ct);
    }

    /// <summary>One contact's calls, newest first (the customer view).</summary>
    public async Task<IReadOnlyList<CallRow>> ForContactAsync(Guid contactId, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CallLog>().AsNoTracking().Where(c => c.ContactId == contactId).OrderByDescending(c => c.StartedAt).Take(max)
            .Select(c => new CallRow(c.Id, c.Direction, c.FromNumber, c.FromName, c.ContactId, null,
                c.Status, c.StartedAt, c.DurationSeconds, c.Missed, c.Voicemail, c.RecordingId != null, c.LeadId))
            .ToListAsync(ct);
    }

    public async Task<CallLog?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CallLog>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    private static string? Limit(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null : null;
}
