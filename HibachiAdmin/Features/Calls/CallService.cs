using System.Globalization;
using Hangfire;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Calls;

public sealed record CallRow(Guid Id, string Direction, string? FromNumber, string? FromName, Guid? ContactId, string? ContactName, string Status,
    DateTime? StartedAt, int? DurationSeconds, bool Missed, bool Voicemail, bool HasRecording, Guid? LeadId);

/// <summary>Call log from telephony session events; missed calls and voicemails from unknown callers become leads.</summary>
public sealed class CallService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContactService contacts,
    LeadService leads,
    Infrastructure.Providers.Sms.ISmsService sms,
    IBackgroundJobClient jobs,
    IConfiguration configuration,
    TimeProvider time)
{
    public async Task<string> ApplyTelephonyEventAsync(JsonElement body, CancellationToken ct)
    {
        var sessionId = body.TryGetProperty("telephonySessionId", out var s) ? s.GetString() : null;
        if (string.IsNullOrEmpty(sessionId) || !body.TryGetProperty("parties", out var parties) || parties.ValueKind != JsonValueKind.Array || parties.GetArrayLength() == 0)
        {
            return "ignored: no telephonySessionId or parties";
        }
        var sequence = body.TryGetProperty("sequence", out var seq) && seq.TryGetInt64(out var sq) ? sq : 0;
        var eventTime = body.TryGetProperty("eventTime", out var et) && et.TryGetDateTime(out var when) ? when.ToUniversalTime() : time.GetUtcNow().UtcDateTime;
        var party = parties.EnumerateArray().FirstOrDefault(p => p.TryGetProperty("extensionId", out _));
        if (party.ValueKind != JsonValueKind.Object)
        {
            party = parties[0];
        }
        var direction = Str(party, "direction") ?? "Inbound";
        var code = party.TryGetProperty("status", out var st) ? Str(st, "code") ?? "" : "";
        var other = direction == "Inbound" ? "from" : "to";
        var number = party.TryGetProperty(other, out var o) ? Str(o, "phoneNumber") : null;
        var name = party.TryGetProperty(other, out var o2) ? Str(o2, "name") : null;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<CallLog>().FirstOrDefaultAsync(c => c.TelephonySessionId == sessionId, ct);
        if (call is null)
        {
            call = new CallLog { TelephonySessionId = sessionId, Direction = direction, FromName = name };
            if (number is not null && await contacts.FindOrCreateByPhoneAsync(number, null, ct) is { } found)
            {
                call.ContactId = found.Contact.Id;
                call.CallerWasKnown = !found.Created;
                call.FromNumber = found.Contact.Phone;
            }
            call.ToNumber = direction == "Inbound" && party.TryGetProperty("to", out var to) ? Str(to, "phoneNumber") : null;
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
            call.RecordingId ??= Str(recordings[0], "id");
            call.RecordingContentUri ??= call.RecordingId is { } rid ? $"/restapi/v1.0/account/~/recording/{rid}/content" : null;
        }
        var stale = sequence <= call.LastSequence && call.LastSequence > 0;
        if (!stale)
        {
            call.LastSequence = sequence;
            call.Status = code;
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
        await db.SaveChangesAsync(ct);

        if ((call.Missed || call.Voicemail) && call.EndedAt is not null && !call.CallerWasKnown && call.ContactId is { } contactId && call.LeadId is null)
        {
            var (lead, _) = await leads.CreateOrUpdateOpenLeadAsync(new NewLead(contactId, LeadSource.Phone, CallId: call.Id,
                Notes: $"{(call.Voicemail ? "Voicemail" : "Missed call")} {call.StartedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC from {call.FromNumber}"), Actor.System, ct);
            await db.Set<CallLog>().Where(c => c.Id == call.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.LeadId, lead.Id), ct);
            await ScheduleTextBackAsync(call, ct);
            return $"call {call.Id} {code}{(stale ? " (stale, status kept)" : "")}; lead {lead.Id}";
        }
        return $"call {call.Id} {code}{(stale ? " (stale event: status kept)" : "")}";
    }

    /// <summary>
    /// Optional (Calls:MissedCallTextBack, off by default): one text to a new caller we missed, inside
    /// their local sending window (shifted, not dropped) and subject to consent like any text.
    /// </summary>
    private async Task ScheduleTextBackAsync(CallLog call, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Calls:MissedCallTextBack") || call.FromNumber is null)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var at = await sms.EarliestAllowedSendTimeAsync(call.FromNumber, Infrastructure.Providers.Sms.SmsPurpose.Transactional, now, ct);
        if (at <= now)
        {
            jobs.Enqueue<MissedCallTextBackJob>(j => j.RunAsync(call.Id, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<MissedCallTextBackJob>(j => j.RunAsync(call.Id, CancellationToken.None), new DateTimeOffset(at, TimeSpan.Zero));
        }
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
                db.Set<Contact>().Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefault(),
                c.Status, c.StartedAt, c.DurationSeconds, c.Missed, c.Voicemail, c.RecordingId != null, c.LeadId))
            .ToListAsync(ct);
        return new PagedResult<CallRow>(rows, total);
    }

    public async Task<CallLog?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CallLog>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null : null;
}
