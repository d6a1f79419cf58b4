using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Calls;

/// <summary>Demo calls (answered, and voicemails with their recordings) from the first contacts, linked to their leads (Seed:Demo=true).</summary>
public sealed class CallsDemoSeed(IContactService contacts) : IDemoSeedContributor
{
    public int Order => 35;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(ContactsDemoSeed.ContactsKey, out var value) || value is not List<Guid> ids || ids.Count < 10)
        {
            return;
        }
        var found = await contacts.GetSummariesAsync(ids.Take(8), ct);
        var leads = context.Items.TryGetValue(LeadsDemoData.LeadsKey, out var l) && l is List<Leads.Contracts.DemoLead> list
            ? list.GroupBy(x => x.ContactId).ToDictionary(g => g.Key, g => g.First().Id) : [];
        var r = context.Random;
        var i = 0;
        foreach (var contact in ids.Take(8).Select(found.GetValueOrDefault).OfType<ContactSummary>())
        {
            var missed = i % 2 == 0;
            // The latest voicemail came in a couple of hours ago: Home's "missed calls today" has something to show.
            var started = i == 0 ? context.UtcNow.AddMinutes(-130) : context.UtcNow.AddHours(-r.Next(24, 264));
            db.Add(new CallLog
            {
                TelephonySessionId = $"demo-session-{i}", Direction = "Inbound", FromNumber = contact.Phone, FromName = contact.Name, ContactId = contact.Id,
                CallerWasKnown = true, LastSequence = 7, Status = missed ? "VoiceMail" : "Disconnected", StartedAt = started,
                AnsweredAt = missed ? null : started.AddSeconds(9), EndedAt = started.AddSeconds(missed ? 40 : 200),
                DurationSeconds = missed ? 40 : 191, Missed = missed, Voicemail = missed, RecordingId = $"demo-rec-{i}", UpdatedAt = started,
                LeadId = leads.TryGetValue(contact.Id, out var lead) ? lead : null,
            });
            i++;
        }
    }
}
