using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Demo conversations (Seed:Demo=true) for a New York hibachi caterer: texts with the first contacts
/// and Instagram/Facebook threads. A thread's preview is its real last message, our replies carry
/// delivery marks, and an unanswered thread is unread and waiting — including a 👍 reaction that is an
/// answer to our question.
/// </summary>
public sealed class InboxDemoSeed(IContactService contacts) : IDemoSeedContributor
{
    private static readonly (string In, string? Out)[] Texts =
    [
        ("Hi! Do you do hibachi for birthdays? Party of 15 next Saturday in Astoria", null),
        ("How much for 25 people?", "For 25 adults it's $1,500 including chef, grill, fried rice, veggies and two proteins."),
        ("Is Dec 12th still open?", "Dec 12th is open. Want me to hold it with the $200 deposit?"),
        ("Thank you, the chef was amazing!!", "So glad you enjoyed it! Thanks for having us."),
    ];

    public int Order => 30;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var now = context.UtcNow;
        if (context.Items.TryGetValue(ContactsDemoSeed.ContactsKey, out var value) && value is List<Guid> { Count: >= 10 } ids)
        {
            var found = await contacts.GetSummariesAsync(ids.Take(12), ct);
            var i = 0;
            foreach (var contact in ids.Take(12).Select(found.GetValueOrDefault).OfType<ContactSummary>().Where(c => c.Phone is not null))
            {
                var (inbound, outbound) = Texts[i % Texts.Length];
                var at = now.AddHours(-context.Random.Next(1, 240));
                var thread = Thread(db, Platform.Sms, contact.Phone!, contact.Name, at, contact.Id);
                Inbound(db, thread, inbound, $"demo-sms-{i}", at);
                if (outbound is not null)
                {
                    Outbound(db, thread, outbound, at.AddMinutes(7), DemoStaff.Maria.Email, MessageStatus.Delivered);
                    thread.Status = i % 2 == 0 ? ThreadStatus.Resolved : ThreadStatus.Pending;
                }
                i++;
            }
        }

        // Instagram: a birthday inquiry nobody has answered yet (unread, waiting, window open).
        var maya = Thread(db, Platform.Instagram, "17841455500000001", "Maya Chen", now.AddHours(-2));
        Inbound(db, maya, "Hi! Do you do hibachi in Brooklyn? It's my husband's 40th on Dec 14, about 18 people 🎉", "demo-ig-1", now.AddHours(-2));
        Inbound(db, maya, "We're in 11215 if that helps", "demo-ig-2", now.AddHours(-2).AddMinutes(1));

        // Instagram: a story reply we answered; they read it.
        var jordan = Thread(db, Platform.Instagram, "17841455500000002", "Jordan Alvarez", now.AddHours(-30));
        Inbound(db, jordan, "That onion volcano!! 🔥 Do you come out to Long Island?", "demo-ig-3", now.AddHours(-30), MessageKind.StoryReply,
            [new MessageAttachment("story", null)]);
        Outbound(db, jordan, "We do! We cover all of Long Island. $60 per adult, 10 guest minimum. What date are you thinking?", now.AddHours(-29), DemoStaff.Maria.Email, MessageStatus.Read, "m_demo_out_1");
        jordan.Status = ThreadStatus.Pending;

        // Instagram: we asked a question, the answer is a 👍 — it must not be missed.
        var priya = Thread(db, Platform.Instagram, "17841455500000003", "Priya Shah", now.AddHours(-5));
        Inbound(db, priya, "Can we do an engagement party for 30 guests on Dec 5?", "demo-ig-4", now.AddHours(-6));
        Outbound(db, priya, "Congratulations! Is Friday 2 pm good?", now.AddHours(-5).AddMinutes(-20), DemoStaff.Dana.Email, MessageStatus.Read, "m_demo_out_2");
        Inbound(db, priya, "👍", "demo-ig-5", now.AddHours(-5), MessageKind.Reaction, null, "m_demo_out_2");

        // Facebook: a company party quoted, waiting on the customer.
        var tom = Thread(db, Platform.Facebook, "6789012345600001", "Tom Becker", now.AddDays(-1));
        Inbound(db, tom, "Looking for a quote for our company holiday party, 40 people in White Plains 10601 on Dec 19", "demo-fb-1", now.AddDays(-1).AddHours(-1));
        Outbound(db, tom, "Happy to help! For 40 guests it's $2,400 with chef, grill, fried rice, vegetables and two proteins. A $200 deposit holds Dec 19.", now.AddDays(-1), DemoStaff.Maria.Email, MessageStatus.Delivered, "m_demo_out_3");
        tom.Status = ThreadStatus.Pending;
        tom.AssigneeId = DemoStaff.Maria.Email;
        tom.AssigneeName = DemoStaff.Maria.Name;

        // Facebook: an old thread, resolved; Meta's window has closed.
        var lena = Thread(db, Platform.Facebook, "6789012345600002", "Lena Novak", now.AddDays(-12));
        Inbound(db, lena, "Do you have gluten-free options?", "demo-fb-2", now.AddDays(-12));
        Outbound(db, lena, "Yes — we use tamari instead of soy sauce and can cook gluten-free portions separately.", now.AddDays(-12).AddMinutes(15), DemoStaff.Maria.Email, MessageStatus.Read, "m_demo_out_4");
        lena.Status = ThreadStatus.Resolved;
    }

    private static ConversationThread Thread(AppDbContext db, Platform platform, string party, string title, DateTime at, Guid? contactId = null)
    {
        var thread = new ConversationThread
        {
            Platform = platform, ExternalId = party, Title = title, ContactId = contactId, CreatedAt = at, LastMessageAt = at,
            AccountId = platform == Platform.Sms ? null : platform == Platform.Instagram ? "17841400000012345" : "104857600012345",
        };
        db.Add(thread);
        return thread;
    }

    private static void Inbound(AppDbContext db, ConversationThread thread, string text, string id, DateTime at, MessageKind kind = MessageKind.Text,
        IReadOnlyList<MessageAttachment>? attachments = null, string? replyTo = null)
    {
        db.Add(new ConversationMessage
        {
            ThreadId = thread.Id, Direction = MessageDirection.Inbound, Text = text, ExternalId = id, At = at, Kind = kind, ReplyToExternalId = replyTo,
            Attachments = attachments is null ? null : System.Text.Json.JsonSerializer.Serialize(attachments, ConversationLog.Json),
        });
        thread.Status = ThreadStatus.Open;
        thread.UnreadCount++;
        thread.LastInboundAt = at;
        thread.WaitingSince ??= at;
        thread.LastMessageAt = at;
        thread.LastMessagePreview = ConversationLog.Preview(kind, text, attachments);
    }

    private static void Outbound(AppDbContext db, ConversationThread thread, string text, DateTime at, string by, MessageStatus status, string? mid = null)
    {
        db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = text, ExternalId = mid, SentBy = by, At = at, Status = status });
        thread.UnreadCount = 0;
        thread.WaitingSince = null;
        thread.LastMessageAt = at;
        thread.LastMessagePreview = text;
    }
}
