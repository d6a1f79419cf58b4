using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Inbox;

/// <summary>Demo SMS conversations for the first contacts (Seed:Demo=true); a thread's preview is its real last message.</summary>
public sealed class InboxDemoSeed(ContactService contacts) : IDemoSeedContributor
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
        var found = await contacts.GetSummariesAsync(ids.Take(12), ct);
        var r = context.Random;
        var i = 0;
        foreach (var contact in ids.Take(12).Select(found.GetValueOrDefault).OfType<ContactSummary>())
        {
            var (inbound, outbound) = Conversations[i % Conversations.Length];
            var at = context.UtcNow.AddHours(-r.Next(1, 240));
            var answered = i % 3 != 0;
            var thread = new ConversationThread
            {
                Platform = Platform.Sms, ExternalId = contact.Phone!, ContactId = contact.Id, Title = contact.Name, CreatedAt = at,
                LastMessageAt = answered ? at.AddMinutes(7) : at, LastMessagePreview = answered ? outbound : inbound, UnreadCount = answered ? 0 : 1,
            };
            db.Add(thread);
            db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Inbound, Text = inbound, ExternalId = $"demo-{i}", At = at });
            if (answered)
            {
                db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = outbound, SentBy = "demo-seed", At = at.AddMinutes(7) });
            }
            i++;
        }
    }
}
