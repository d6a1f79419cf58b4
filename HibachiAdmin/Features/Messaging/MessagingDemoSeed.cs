using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>Demo SMS conversations and calls for the first contacts (Seed:Demo=true).</summary>
public sealed class MessagingDemoSeed : IDemoSeedContributor
{
    private static readonly (string In, string Out)[] Conversations =
    [
        ("Hi! Do you do hibachi for birthdays? Party of 15 next Saturday", "Yes we do! $60 per adult, 10 guest minimum. What ZIP is the party in?"),
        ("How much for 25 people?", "For 25 adults it's $1,500 including chef, grill, fried rice, veggies and two proteins."),
        ("Is Dec 12th still open?", "Dec 12th is open. Want me to hold it with the $200 deposit?"),
        ("Thank you, the chef was amazing!!", "So glad you enjoyed it! Would you mind leaving us a quick review?"),
    ];

    public int Order => 30;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(ContactsDemoSeed.ContactsKey, out var value) || value is not List<Guid> ids || ids.Count < 10)
        {
            return;
        }
        var contacts = await db.Set<Contact>().Where(c => ids.Take(12).Contains(c.Id)).ToListAsync(ct);
        var r = context.Random;
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var (inbound, outbound) = Conversations[i % Conversations.Length];
            var at = context.UtcNow.AddHours(-r.Next(1, 240));
            var thread = new ConversationThread
            {
                Platform = Platform.Sms, ExternalId = contact.Phone!, ContactId = contact.Id, Title = contact.Name,
                CreatedAt = at, LastMessageAt = at.AddMinutes(7), LastMessagePreview = outbound, UnreadCount = i % 3 == 0 ? 1 : 0,
            };
            db.Add(thread);
            db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Inbound, Text = inbound, ExternalId = $"demo-{i}", At = at });
            if (i % 3 != 0)
            {
                db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = outbound, SentBy = "demo-seed", At = at.AddMinutes(7) });
            }
            if (i < 6)
            {
                var missed = i % 2 == 0;
                var started = at.AddDays(-1);
                db.Add(new CallLog
                {
                    TelephonySessionId = $"demo-session-{i}", Direction = "Inbound", FromNumber = contact.Phone, FromName = contact.Name, ContactId = contact.Id,
                    CallerWasKnown = true, LastSequence = 7, Status = missed ? "VoiceMail" : "Disconnected", StartedAt = started,
                    AnsweredAt = missed ? null : started.AddSeconds(9), EndedAt = started.AddSeconds(missed ? 40 : 200),
                    DurationSeconds = missed ? 40 : 191, Missed = missed, Voicemail = missed, RecordingId = missed ? null : $"demo-rec-{i}", UpdatedAt = started,
                });
            }
        }
    }
}
