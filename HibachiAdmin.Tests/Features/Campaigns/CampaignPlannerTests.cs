using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>The estimate a marketer sees: audience by tags and ids, each recipient judged, cost from each one's own segments.</summary>
public sealed class CampaignPlannerTests
{
    [Fact]
    public async Task The_estimate_counts_eligible_recipients_their_segments_and_every_hold_reason()
    {
        // 16:00 UTC = 11:00 in New York, 10:00 in Oklahoma.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
        await using var app = new AppFactory { Time = time }.With("Hangfire:ProcessJobs", "false");
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var contacts = app.Services.GetRequiredService<ContactService>();
        async Task<Guid> Add(string name, string? phone, SmsConsent consent, params string[] tags)
        {
            var created = await PersonConsent.CreateAsync(app.Services, new CreateContactRequest(name, phone, Tags: tags, SmsConsent: consent));
            return created.Contact!.Id;
        }
        await Add("Ava Miller", "+12125550101", SmsConsent.OptedIn, "vip");
        await Add("Bartholomew Alexander", "+12125550102", SmsConsent.OptedIn, "vip");
        await Add("Cy", "+12125550103", SmsConsent.OptedOut, "vip");
        await Add("Di", "+12125550104", SmsConsent.None, "vip");
        await Add("Ed", "+12125550105", SmsConsent.OptedIn, "vip", "staff");
        var recent = await Add("Flo", "+12125550106", SmsConsent.OptedIn, "vip");
        await Add("Gus", "+12125550107", SmsConsent.OptedIn, "other");
        var picked = await Add("Hal", "+12125550108", SmsConsent.OptedIn);
        // Flo got a marketing text 2 hours ago: held by the 16-hour cap.
        var sms = app.Services.GetRequiredService<ISmsService>();
        Assert.True((await sms.SendAsync(new OutboundSms(recent, "+12125550106", "Earlier offer", SmsPurpose.Marketing), default)).Accepted);
        time.Advance(TimeSpan.FromHours(2));

        var plan = await app.Services.GetRequiredService<CampaignPlanner>().PlanAsync(
            new string('x', 120) + " {FirstName|friend}", new Audience(["VIP "], ["staff"], [picked]), null, default);

        var e = plan.Estimate;
        Assert.Equal(6, e.Recipients); // Ava, Bartholomew, Cy, Di, Flo (vip; Ed is staff) + Hal picked by id; not Gus
        Assert.Equal(3, e.Eligible); // Ava, Bartholomew, Hal
        Assert.Equal(new Dictionary<string, int> { ["optedOut"] = 1, ["noConsent"] = 1, ["frequencyCap"] = 1 }, e.Held);
        // Ava and Hal: 120 + " Ava" + 23 = 1 segment each; Bartholomew: 120 + 12 + 23 = 155 → 1 as well; cost 3 × $0.02.
        Assert.Equal(plan.Decisions.Where(d => d.Eligible).Sum(d => d.Segments.Segments) * 0.02m, e.EstimatedCost);
        Assert.Equal("GSM-7", e.Encoding);
        var flo = plan.Decisions.Single(d => d.ContactId == recent);
        Assert.Equal(new DateTime(2026, 11, 25, 5, 0, 0, DateTimeKind.Utc).AddHours(8), flo.EarliestSendAt); // 16 h after 16:00 = 08:00 UTC = 03:00 NY → 08:00 NY
        Assert.EndsWith("friend Reply STOP to opt out.", plan.Decisions.Single(d => d.ContactId == picked).Text.Replace("Hal", "friend", StringComparison.Ordinal));
    }
}
