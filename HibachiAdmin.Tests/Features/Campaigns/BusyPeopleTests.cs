using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// Quiet treatment of busy people: marketing leaves out someone in a conversation (a message in their thread in the last
/// 24 hours, any channel) unless the sender includes them; the frequency cap counts review requests like campaign texts.
/// </summary>
public sealed class BusyPeopleTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private async Task<Guid> PersonAsync(string name, TimeSpan? lastMessageAgo)
    {
        var created = await PersonConsent.CreateAsync(app.Services, new CreateContactRequest(name, TestPhones.Next().Typed, Tags: ["busy-test"], SmsConsent: SmsConsent.OptedIn));
        var id = created.Contact!.Id;
        if (lastMessageAgo is { } ago)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var at = TestClock.Start.UtcDateTime - ago;
            db.Add(new ConversationThread { Platform = Platform.Instagram, ExternalId = $"ig-{id}", ContactId = id, Title = name, Status = ThreadStatus.Pending, LastMessageAt = at, CreatedAt = at });
            await db.SaveChangesAsync();
        }
        return id;
    }

    [Fact]
    public async Task Someone_in_a_conversation_from_the_last_24_hours_is_left_out_unless_the_sender_includes_them()
    {
        var talking = await PersonAsync("Tia Talking", TimeSpan.FromHours(3));
        var almost = await PersonAsync("Al Almost", TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var quiet = await PersonAsync("Quinn Quiet", TimeSpan.FromHours(25));
        var never = await PersonAsync("Nia Never", null);
        var planner = app.Services.GetRequiredService<CampaignPlanner>();
        Guid[] everyone = [talking, almost, quiet, never];

        var plan = await planner.PlanAsync("Winter menu is here", new Audience([], [], everyone), null, default);
        var decisions = plan.Decisions.ToDictionary(d => d.ContactId);
        Assert.Equal(HoldReasons.InConversation, decisions[talking].Reason);
        Assert.Equal(HoldReasons.InConversation, decisions[almost].Reason);
        Assert.True(decisions[quiet].Eligible);
        Assert.True(decisions[never].Eligible);
        Assert.Equal(2, plan.Estimate.Held[HoldReasons.InConversation]);
        var group = Assert.Single(HoldGroups.Of(plan.Decisions));
        Assert.Equal(("inConversation", 2, "Left out: they are in a conversation (a message in the last 24 hours).", (DateTime?)null),
            (group.Reason, group.Count, group.Explanation, group.EarliestSendAt));

        var included = await planner.PlanAsync("Winter menu is here", new Audience([], [], everyone, IncludeInConversation: true), null, default);
        Assert.All(included.Decisions, d => Assert.True(d.Eligible));

        // Through the API: the choice is stored with the campaign and its preview follows it.
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        foreach (var (include, expected) in new[] { (false, 2), (true, 4) })
        {
            var create = await marketing.PostAsJsonAsync("/api/v1/sms-campaigns", new
            {
                name = $"Winter {include}", message = "Winter menu is here", audience = new { contactIds = everyone, includeInConversation = include },
            });
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
            var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var preview = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/sms-campaigns/{id}/preview");
            Assert.Equal(expected, preview.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("eligible").GetBoolean()));
        }
    }

    [Fact]
    public async Task A_review_request_counts_toward_the_same_frequency_cap_as_campaign_texts()
    {
        var person = await PersonAsync("Rae Review", null);
        var phone = (await app.Services.GetRequiredService<IContactService>().GetSummaryAsync(person, default))!.Phone!;
        // The booking saga's review request goes out as a marketing text, like a campaign's.
        var sent = await app.Services.GetRequiredService<ISmsService>().SendAsync(
            new OutboundSms(person, phone, "Thank you for having us! Would you share a quick review? Reply STOP to opt out.", SmsPurpose.Marketing, $"review:{person}"), default);
        Assert.True(sent.Accepted);
        var plan = await app.Services.GetRequiredService<CampaignPlanner>().PlanAsync("Winter menu is here", new Audience([], [], [person]), null, default);
        var decision = Assert.Single(plan.Decisions);
        Assert.Equal(HoldReasons.FrequencyCap, decision.Reason);
        Assert.StartsWith("Held until Wednesday", decision.Explanation);
        Assert.Contains("one marketing text to a number every 16 hours at most", decision.Explanation, StringComparison.Ordinal);
    }
}
