using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Calls;

/// <summary>Demo calls (answered, and voicemails) from the first contacts (Seed:Demo=true).</summary>
public sealed class CallsDemoSeed(ContactService contacts) : IDemoSeedContributor
{
    public int Order => 35;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(ContactsDemoSeed.ContactsKey, out var value) || value is not List<Guid> ids || ids.Count < 10)
        {
            return;
        }
        var found = await contacts.GetSummariesAsync(ids.Take(6), ct);
        var r = context.Random;
        var i = 0;
        foreach (var contact in ids.Take(6).Select(found.GetValueOrDefault).OfType<ContactSummary>())
        {
            var missed = i % 2 == 0;
            var started = context.UtcNow.AddHours(-r.Next(24, 264));
            db.Add(new CallLog
            {
                TelephonySessionId = $"demo-session-{i}", Direction = "Inbound", FromNumber = contact.Phone, FromName = contact.Name, ContactId = contact.Id,
                CallerWasKnown = true, LastSequence = 7, Status = missed ? "VoiceMail" : "Disconnected", StartedAt = started,
                AnsweredAt = missed ? null : started.AddSeconds(9), EndedAt = started.AddSeconds(missed ? 40 : 200),
                DurationSeconds = missed ? 40 : 191, Missed = missed, Voicemail = missed, RecordingId = missed ? null : $"demo-rec-{i}", UpdatedAt = started,
            });
            i++;
        }
    }
}
