using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Leads;

/// <summary>
/// ~60 leads of a New York caterer across every status and source, with their status history
/// (Seed:Demo=true). The first ones tell the month's story: parties booked for the coming days, quotes
/// waiting, past parties, leads from a QR table card, the flyer and the sent campaign's link (naming them);
/// every Booked lead gets its booking (and its money) from <c>BookingsDemoSeed</c>. Staff moves are signed by seeded users.
/// </summary>
public sealed class LeadsDemoSeed(Formats formats) : IDemoSeedContributor
{
    public const string LeadsKey = LeadsDemoData.LeadsKey;

    /// <summary>Front-desk staff the demo history is signed by (seeded user accounts).</summary>
    public static readonly string[] Staff = LeadsDemoData.Staff;

    private static readonly string[] Occasions = ["Birthday", "Wedding rehearsal", "Graduation", "Corporate lunch", "Anniversary", "Backyard party", "Bachelorette", "Holiday party"];
    private static readonly string[] LostReasons = ["Price", "Date not available", "Chose another caterer", "No response"];
    private static readonly (string Place, string Zip)[] Places =
    [
        ("Park Slope, Brooklyn", "11215"), ("Astoria, Queens", "11102"), ("Upper West Side, Manhattan", "10024"), ("Hoboken, NJ", "07030"),
        ("Garden City, Long Island", "11530"), ("White Plains", "10601"), ("Williamsburg, Brooklyn", "11211"), ("Forest Hills, Queens", "11375"),
        ("Staten Island", "10314"), ("Yonkers", "10701"), ("Jersey City, NJ", "07302"), ("Huntington, Long Island", "11743"),
    ];

    /// <summary>
    /// The opening of the story: (status, days from today to the party, guests, source), one per story customer. Ava Miller's
    /// $1,320 party comes first; two parties came from Harbor Hall's table cards and the spring flyer (QR), two from the
    /// sent campaign's link.
    /// </summary>
    private static readonly (LeadStatus Status, int Days, int Guests, LeadSource Source)[] Story =
    [
        (LeadStatus.Booked, 9, 22, LeadSource.Instagram),
        (LeadStatus.Booked, 2, 18, LeadSource.Sms),
        (LeadStatus.Booked, 4, 30, LeadSource.Referral),
        (LeadStatus.Quoted, 5, 25, LeadSource.Facebook),
        (LeadStatus.Booked, 11, 40, LeadSource.Website),
        (LeadStatus.Quoted, 12, 15, LeadSource.QrCode),
        (LeadStatus.Booked, -10, 20, LeadSource.Phone),
        (LeadStatus.Booked, -12, 35, LeadSource.Campaign),
        (LeadStatus.Booked, 4, 12, LeadSource.Instagram),
        (LeadStatus.Quoted, 20, 50, LeadSource.Website),
        (LeadStatus.Booked, -6, 26, LeadSource.QrCode),
        (LeadStatus.Booked, 15, 24, LeadSource.Campaign),
        (LeadStatus.Booked, 18, 30, LeadSource.QrCode),
        (LeadStatus.Contacted, 30, 20, LeadSource.Campaign),
    ];

    public int Order => 20;

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(ContactsDemoSeed.ContactsKey, out var value) || value is not List<Guid> contacts || contacts.Count == 0)
        {
            return Task.CompletedTask;
        }
        var qr = context.Items.GetValueOrDefault(LeadsDemoData.QrCodesKey) as DemoQrCodes;
        var campaign = context.Items.GetValueOrDefault(LeadsDemoData.CampaignKey) as DemoCampaignSend;
        var r = context.Random;
        var statuses = Enum.GetValues<LeadStatus>();
        // QR and campaign leads are the story's (their code or campaign is named); the rest came in by other ways.
        var sources = Enum.GetValues<LeadSource>().Where(s => s is not (LeadSource.QrCode or LeadSource.Campaign)).ToArray();
        var today = formats.Today;
        var latest = context.UtcNow.AddMinutes(-5);
        var seeded = new List<DemoLead>();
        var i = 0;
        foreach (var contactId in contacts.Take(60))
        {
            var story = i < Story.Length ? Story[i] : ((LeadStatus Status, int Days, int Guests, LeadSource Source)?)null;
            var status = story?.Status ?? statuses[r.Next(statuses.Length)];
            var guests = story?.Guests ?? r.Next(10, 60);
            var place = Places[r.Next(Places.Length)];
            var eventDate = story is { } s ? today.AddDays(s.Days) : r.Next(6) == 0 ? (DateOnly?)null : today.AddDays(r.Next(-20, 120));
            var source = story?.Source ?? sources[r.Next(sources.Length)];
            var texted = campaign is not null && campaign.Texted.Contains(contactId);
            if (story is null && texted && r.Next(4) == 0)
            {
                source = LeadSource.Campaign;
            }
            if (source == LeadSource.Campaign && !texted)
            {
                source = LeadSource.Website; // the text did not reach them, so they cannot have come from its link
            }
            DateTime created;
            Guid? qrCodeId = null;
            Guid? campaignId = null;
            if (source == LeadSource.Campaign)
            {
                // They tapped the campaign text's link within a few days of getting it.
                campaignId = campaign!.CampaignId;
                created = campaign.SentAt.AddMinutes(r.Next(30, 4 * 24 * 60));
                if (eventDate is { } d0 && formats.UtcStartOf(d0) < created.AddDays(3))
                {
                    eventDate = DateOnly.FromDateTime(created).AddDays(r.Next(14, 60));
                }
            }
            else
            {
                if (source == LeadSource.QrCode && qr is not null)
                {
                    // Party guests at Harbor Hall scanned a table card; the quoted one picked up the spring flyer.
                    qrCodeId = status == LeadStatus.Booked && eventDate < today ? qr.HallTable : qr.Flyer;
                }
                // A lead is created some days before its party (never after it); QR leads within the analytics' last 30 days.
                var daysBefore = eventDate is { } d && d <= today
                    ? (today.DayNumber - d.DayNumber) + (qrCodeId is null ? r.Next(10, 40) : r.Next(5, 12))
                    : qrCodeId is null ? r.Next(0, 45) : r.Next(5, 20);
                created = context.UtcNow.AddDays(-daysBefore).AddHours(-r.Next(0, 24));
            }
            if (created > latest)
            {
                created = latest.AddHours(-1);
            }
            var lead = new Lead
            {
                ContactId = contactId,
                Source = source,
                Status = status,
                LostReason = status == LeadStatus.Lost ? LostReasons[r.Next(LostReasons.Length)] : null,
                EventDate = eventDate,
                GuestCount = guests,
                Occasion = i == 0 ? "Birthday" : Occasions[r.Next(Occasions.Length)],
                Location = i == 0 ? "Park Slope, Brooklyn" : place.Place,
                Zip = i == 0 ? "11215" : place.Zip,
                EstimatedValue = guests * 60m,
                QrCodeId = qrCodeId,
                CampaignId = campaignId,
                CreatedAt = created,
                UpdatedAt = created,
                StatusChangedAt = created,
            };
            db.Add(lead);
            var by = Staff[r.Next(Staff.Length)];
            db.Add(new LeadStatusChange { LeadId = lead.Id, To = LeadStatus.New, ChangedBy = Actor.System.Name, At = created, Reason = $"via {lead.Source.Label()}" });
            var at = created;
            // The history walks the board in order (New → Contacted → … → the status), as staff would have moved it.
            foreach (var step in new[] { LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Quoted, LeadStatus.Booked }.Where(x => x <= status && status != LeadStatus.Lost))
            {
                var next = at.AddHours(r.Next(1, 30));
                if (next > latest)
                {
                    next = latest;
                }
                db.Add(new LeadStatusChange { LeadId = lead.Id, From = step - 1, To = step, ChangedBy = step == LeadStatus.Booked ? Actor.System.Name : by, At = next,
                    Reason = step == LeadStatus.Booked ? "Booking confirmed" : null });
                at = next;
            }
            if (status == LeadStatus.Lost)
            {
                at = created.AddHours(r.Next(2, 72));
                at = at > latest ? latest : at;
                db.Add(new LeadStatusChange { LeadId = lead.Id, From = LeadStatus.New, To = LeadStatus.Lost, ChangedBy = by, At = at, Reason = lead.LostReason });
            }
            lead.StatusChangedAt = at;
            lead.UpdatedAt = at;
            seeded.Add(new DemoLead(lead.Id, contactId, lead.Source, status, eventDate, guests, lead.Zip!, lead.Location!, lead.Occasion!, created, qrCodeId, campaignId));
            i++;
        }
        context.Items[LeadsKey] = seeded;
        return Task.CompletedTask;
    }
}
