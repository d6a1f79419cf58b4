using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Demo campaigns (Seed:Demo=true), built by Mia Chen, the marketer: one sent about four weeks ago to the newsletter list, judged
/// by the real rules at its send time (only opted-in people texted; the rest skipped with their reason), delivered with
/// carrier receipts and tracked links; one scheduled for next week; one draft. Runs before Leads, which makes the leads
/// that came from the sent one's link (<see cref="LeadsDemoData.CampaignKey"/>); <see cref="CampaignClicksDemoSeed"/> then writes their clicks.
/// </summary>
public sealed class CampaignsDemoSeed(CampaignPlanner planner, Formats formats, IConfiguration configuration) : IDemoSeedContributor
{
    public const string Newsletter = "newsletter";

    public int Order => 16;

    public async Task<bool> HasDataAsync(AppDbContext db, CancellationToken ct) => await db.Set<Campaign>().AnyAsync(ct);

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var r = context.Random;
        var linkBase = CampaignLinks.Base(configuration, "https://hibachi.example");
        // A Tuesday about four weeks back, 11:00 in New York: inside every state's texting hours.
        var day = formats.Today.AddDays(-28);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(-1);
        }
        var sentAt = formats.UtcStartOf(day).AddHours(11);

        var finished = new Campaign
        {
            Name = "Weekend dates are going fast",
            Message = "{FirstName|Hi}, weekend dates for hibachi parties at home are going fast this season. Book yours: https://hibachi.example/book",
            IncludeTags = [Newsletter], ExcludeTags = [], Status = CampaignStatus.Completed, CreatedBy = DemoStaff.Marketer, LinkBase = linkBase,
            CreatedAt = sentAt.AddDays(-2), SendAt = sentAt, StartedAt = sentAt,
        };
        db.Add(finished);
        var plan = await planner.PlanAsync(CampaignLinks.Prepare(finished.Message, finished.LinkBase), finished.Audience, sentAt, ct);
        var destinations = CampaignLinks.Destinations(finished.Message);
        var texted = new HashSet<Guid>();
        var last = sentAt;
        var i = 0;
        foreach (var d in plan.Decisions)
        {
            var delivery = new CampaignDelivery { CampaignId = finished.Id, ContactId = d.ContactId, Phone = d.Phone, Text = d.Text, Segments = d.Segments.Segments, DueAt = d.EarliestSendAt ?? sentAt };
            if (d.Eligible || HoldReasons.IsDelay(d.Reason))
            {
                // Held ones went when their window opened; the sender's throttle spaces the rest.
                var sent = (d.EarliestSendAt is { } held && held > sentAt ? held : sentAt).AddMilliseconds(150 * i++);
                var codes = destinations.Select(_ => CampaignLinks.NewCode()).ToList();
                for (var k = 0; k < codes.Count; k++)
                {
                    db.Add(new TrackedLink { Code = codes[k], CampaignId = finished.Id, ContactId = d.ContactId, Position = k + 1, Destination = destinations[k], CreatedAt = sentAt });
                }
                delivery.Text = CampaignLinks.Personalise(d.Text, codes);
                delivery.SentAt = sent;
                delivery.OutboundMessageId = Guid.CreateVersion7();
                delivery.ProviderMessageId = $"demo-campaign-{i}";
                // One in twenty came back undeliverable from the carrier; the others were delivered within seconds.
                var failed = texted.Count > 3 && r.Next(20) == 0;
                delivery.Status = failed ? DeliveryStatus.Failed : DeliveryStatus.Delivered;
                delivery.Reason = failed ? "Carrier: unreachable destination handset (30003)" : null;
                delivery.DeliveredAt = failed ? null : sent.AddSeconds(r.Next(3, 40));
                if (!failed)
                {
                    texted.Add(d.ContactId);
                }
                last = sent > last ? sent : last;
            }
            else
            {
                delivery.Status = DeliveryStatus.Skipped;
                delivery.Reason = d.Reason;
            }
            db.Add(delivery);
        }
        finished.CompletedAt = last.AddSeconds(45);
        context.Items[LeadsDemoData.CampaignKey] = new DemoCampaignSend(finished.Id, sentAt, texted);

        var nextWeek = formats.Today.AddDays(7);
        db.Add(new Campaign
        {
            Name = "Last open dates next month",
            Message = "{FirstName|Hi}, a few dates next month are still open for a hibachi chef at your place. Grab one: https://hibachi.example/book",
            IncludeTags = ["vip", "repeat"], ExcludeTags = ["corporate"], SkipBookedWithinDays = 30, SkipTextedWithinDays = 14,
            Status = CampaignStatus.Scheduled, CreatedBy = DemoStaff.Marketer, LinkBase = linkBase,
            CreatedAt = context.UtcNow.AddDays(-1), SendAt = formats.UtcStartOf(nextWeek).AddHours(11),
        });
        db.Add(new Campaign
        {
            Name = "Valentine's date night (draft)",
            Message = "{FirstName|Hi}, skip the crowded restaurant this Valentine's Day: a private hibachi dinner for two at home. Details: https://hibachi.example/valentines",
            IncludeTags = [Newsletter], ExcludeTags = ["corporate", "kids-party"], Status = CampaignStatus.Draft, CreatedBy = DemoStaff.Marketer, LinkBase = linkBase,
            CreatedAt = context.UtcNow.AddHours(-3),
        });
    }
}
