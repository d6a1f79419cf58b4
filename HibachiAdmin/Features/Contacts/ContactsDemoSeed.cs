using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Contacts;

/// <summary>~150 realistic contacts with tags and a consent history (Seed:Demo=true).</summary>
public sealed class ContactsDemoSeed(Phones phones) : IDemoSeedContributor
{
    public const string ContactsKey = "contacts";

    /// <summary>The first contacts are the story's customers: opted in (double opt-in) and on the newsletter.</summary>
    public const int StoryCustomers = 14;

    private static readonly string[] FirstNames = ["Maria", "James", "Aisha", "Chen", "Sofia", "Marcus", "Priya", "Diego", "Emily", "Jamal", "Hannah", "Kenji", "Olivia", "Tyrone", "Grace", "Luis", "Fatima", "Noah", "Ava", "Mateo", "Chloe", "Andre", "Isabella", "Ethan", "Mei", "Carlos", "Zoe", "Samuel", "Lena", "Omar"];
    private static readonly string[] LastNames = ["Garcia", "Johnson", "Khan", "Wang", "Rossi", "Brown", "Patel", "Hernandez", "Smith", "Williams", "Cohen", "Tanaka", "Miller", "Davis", "Kim", "Lopez", "Ali", "Wilson", "Moore", "Silva", "Nguyen", "Thomas", "Martinez", "Anderson", "Li", "Reyes", "Clark", "Lewis", "Walker", "Young"];
    // A New York caterer's customers: the city, Long Island, Westchester and north Jersey.
    private static readonly string[] AreaCodes = ["212", "718", "917", "646", "347", "929", "516", "631", "914", "201", "551", "973"];
    private static readonly string[] Zips = ["11215", "11102", "10024", "07030", "11530", "10601", "11211", "11375", "10314", "10701", "07302", "11743", "10003", "11201"];
    private static readonly string[] Tags = ["vip", "corporate", "birthday", "wedding", "repeat", "newsletter", "graduation", "kids-party"];

    public int Order => 10;

    public Task<bool> HasDataAsync(AppDbContext db, CancellationToken ct) => db.Set<Contact>().AnyAsync(ct);

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var r = context.Random;
        var ids = new List<Guid>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; ids.Count < 150 && i < 2000; i++)
        {
            var area = AreaCodes[r.Next(AreaCodes.Length)];
            // 555-01xx is reserved for fiction; other 555 lines are not all valid, so use real-looking exchanges.
            var raw = i < 100 ? $"({area}) 555-01{i % 100:D2}" : $"{area}-{r.Next(201, 990)}-{r.Next(1000, 9999)}";
            var parsed = phones.Parse(raw);
            if (parsed is null || !used.Add(parsed.E164))
            {
                continue;
            }
            // The first customer is the story's: Ava Miller of Park Slope, whose birthday party is booked.
            var (first, last) = ids.Count == 0 ? ("Ava", "Miller") : (FirstNames[r.Next(FirstNames.Length)], LastNames[r.Next(LastNames.Length)]);
            var created = context.UtcNow.AddDays(-r.Next(1, 400)).AddMinutes(-r.Next(0, 1440));
            var contact = new Contact
            {
                Name = $"{first} {last}",
                Phone = parsed.E164,
                Email = r.Next(3) == 0 ? null : $"{first}.{last}{r.Next(10, 99)}@example.com".ToLowerInvariant(),
                State = parsed.State,
                TimeZones = string.Join(',', parsed.TimeZones),
                Zip = r.Next(2) == 0 ? Zips[r.Next(Zips.Length)] : null,
                InstagramHandle = r.Next(4) == 0 ? $"{first}{last}".ToLowerInvariant() : null,
                CreatedAt = created,
                UpdatedAt = created,
            };
            // The story's customers (the first leads) signed up for the newsletter and confirmed it: the finished demo campaign reached them.
            var story = ids.Count < StoryCustomers;
            foreach (var tag in Tags.Where(t => r.Next(5) == 0 || (story && t == "newsletter")).Distinct())
            {
                contact.Tags.Add(new ContactTag { ContactId = contact.Id, Tag = tag });
            }
            if (contact.Tags.Any(t => t.Tag == "newsletter") && created > context.UtcNow.AddDays(-40))
            {
                // On the newsletter list before the demo campaign went out (about four weeks ago).
                created = context.UtcNow.AddDays(-40 - r.Next(0, 300)).AddMinutes(-r.Next(0, 1440));
                contact.CreatedAt = contact.UpdatedAt = created;
            }
            db.Add(contact);
            var roll = story ? 0 : r.Next(10);
            if (roll < 6)
            {
                // Double opt-in, as the app records it: the form asks, the person's YES opts in.
                ContactService.ApplyConsent(db, contact, new ConsentChange(SmsConsent.PendingConfirmation, "web-form", "Booking inquiry form checkbox: \"Text me offers\""), new Actor("Inquiry form"), created.AddMinutes(5));
                ContactService.ApplyConsent(db, contact, new ConsentChange(SmsConsent.OptedIn, ContactService.KeywordSource, "Inbound SMS: \"YES\" (reply to the confirmation text)"), Actor.System, created.AddMinutes(9));
            }
            if (roll == 6)
            {
                ContactService.ApplyConsent(db, contact, new ConsentChange(SmsConsent.PendingConfirmation, "web-form", "Inquiry form"), new Actor("Inquiry form"), created.AddMinutes(5));
                ContactService.ApplyConsent(db, contact, new ConsentChange(SmsConsent.OptedIn, ContactService.KeywordSource, "Inbound SMS: \"YES\" (reply to the confirmation text)"), Actor.System, created.AddMinutes(12));
                ContactService.ApplyConsent(db, contact, new ConsentChange(SmsConsent.OptedOut, "sms-keyword", "Inbound SMS: \"STOP\""), Actor.System, created.AddDays(20));
            }
            ids.Add(contact.Id);
        }
        context.Items[ContactsKey] = ids;
        return Task.CompletedTask;
    }
}
