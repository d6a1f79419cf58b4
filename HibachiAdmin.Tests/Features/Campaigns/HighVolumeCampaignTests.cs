using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Infrastructure;
using HibachiAdmin.Tests.Infrastructure.Providers;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// With <c>Sms:Provider=RingCentral</c> campaigns go through High Volume SMS: every rule decides per recipient before a
/// batch leaves (so a batch only carries people who may be texted now), each person gets their own text, the batch id is
/// stored, RingCentral's rejections are recorded with its reason, statuses come from the outbound message events (late
/// and repeated ones change nothing) and the batch reconcile; transactional texts keep person-to-person SMS. A number
/// without <c>A2PSmsSender</c> refuses the start, naming the number and the feature.
/// </summary>
public sealed class HighVolumeCampaignTests
{
    // 10:00 in New York.
    internal static readonly DateTimeOffset Start = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    internal static AppFactory App(RingCentralFake fake, FakeTimeProvider time)
    {
        var app = StatusSyncTests.RingCentralApp(fake);
        app.Time = time;
        return app;
    }

    private static string Phone(int i) => $"+1212555{5000 + i:D4}";

    internal static async Task PostEventAsync(HttpClient client, string filter, JsonObject body)
    {
        var notification = new JsonObject
        {
            ["uuid"] = Guid.NewGuid().ToString(),
            ["event"] = filter,
            ["timestamp"] = Start.UtcDateTime.ToString("O"),
            ["subscriptionId"] = "6d2f4b8e-1a3c-4e5f-8b7d-9c0e1f2a3b4c",
            ["ownerId"] = "400012345008",
            ["body"] = body,
        };
        await StatusSyncTests.PostAsync(client, notification.ToJsonString());
    }

    private static JsonObject StatusEvent(RingCentralFake.FakeMessage m, string status, string? errorCode = null)
    {
        var body = new JsonObject
        {
            ["id"] = m.Id, ["batchId"] = m.BatchId, ["from"] = "+12125550147", ["to"] = new JsonArray(m.To), ["direction"] = "Outbound",
            ["messageStatus"] = status, ["segmentCount"] = 1,
        };
        if (errorCode is not null)
        {
            body["errorCode"] = errorCode;
        }
        return body;
    }

    private static async Task DrainAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
    }

    [Fact]
    public async Task A_campaign_goes_out_as_one_High_Volume_batch_of_people_who_may_be_texted_now_and_its_statuses_converge_from_events()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var time = new FakeTimeProvider(Start);
        await using var app = App(fake, time);
        var client = app.CreateClient();
        var services = app.Services;
        var people = new Dictionary<int, Guid>();
        for (var i = 0; i < 12; i++)
        {
            var consent = i switch { 10 => SmsConsent.OptedOut, 11 => SmsConsent.None, _ => SmsConsent.OptedIn };
            people[i] = (await PersonConsent.CreateAsync(services, new CreateContactRequest($"{(char)('A' + i)}ndy Smith", Phone(i), Tags: ["winter"], SmsConsent: consent))).Contact!.Id;
        }
        fake.RejectOnBatch[Phone(9)] = ("SMS-RC-410", "The recipient number is invalid");
        var campaigns = services.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreateAsync(new NewCampaign("Winter dates", "Hi {FirstName|there}, winter hibachi dates are open!", new Audience(["winter"], [], []), null), Actor.System, default);
        await campaigns.SendAsync(campaign.Id, null, default);

        // Guest 8 texts STOP after the rows were written, before the batch leaves: the batch never carries him.
        await PersonConsent.SetAsync(services, people[8], SmsConsent.OptedOut);
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
        }

        var batch = Assert.Single(fake.Batches);
        var sentTo = batch["messages"]!.AsArray().Select(m => m!["to"]![0]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Where(i => i != 8).Select(Phone).Order(), sentTo.Order());
        Assert.Equal("+12125550147", batch["from"]!.GetValue<string>());
        Assert.StartsWith("Hi Dndy, winter hibachi dates are open!", batch["messages"]!.AsArray().Single(m => m!["to"]![0]!.GetValue<string>() == Phone(3))!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, fake.CallCount("/extension/~/sms")); // no person-to-person send for a campaign

        var rows = (await campaigns.DeliveriesAsync(campaign.Id, default)).ToDictionary(d => d.ContactId);
        Assert.Equal(DeliveryStatus.Failed, rows[people[9]].Status);
        Assert.Contains("SMS-RC-410", rows[people[9]].Reason, StringComparison.Ordinal);
        Assert.Contains("invalid", rows[people[9]].Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Skipped, rows[people[8]].Status);
        Assert.Equal("optedOut", rows[people[8]].Reason);
        Assert.Equal(DeliveryStatus.Skipped, rows[people[10]].Status);
        Assert.Equal(DeliveryStatus.Skipped, rows[people[11]].Status);
        foreach (var i in new[] { 0, 1, 2, 3, 4, 5, 6, 7 })
        {
            Assert.Equal(DeliveryStatus.Sent, rows[people[i]].Status);
        }
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Set<A2pBatch>().AsNoTracking().SingleAsync();
            Assert.Equal((8, 1), (stored.Size, stored.Rejected));
        }

        // Statuses pushed as events: delivered, failed at the carrier, a duplicate, and a late "Sent" after "Delivered".
        var messages = fake.Messages.Values.ToDictionary(m => m.To);
        await PostEventAsync(client, "/restapi/v1.0/account/400012345008/a2p-sms/messages?direction=Outbound", StatusEvent(messages[Phone(0)], "Delivered"));
        await PostEventAsync(client, "/restapi/v1.0/account/400012345008/a2p-sms/messages?direction=Outbound", StatusEvent(messages[Phone(0)], "Delivered"));
        await PostEventAsync(client, "/restapi/v1.0/account/400012345008/a2p-sms/messages?direction=Outbound", StatusEvent(messages[Phone(1)], "DeliveryFailed", "SMS-CAR-411"));
        await DrainAsync(services);
        await PostEventAsync(client, "/restapi/v1.0/account/400012345008/a2p-sms/messages?direction=Outbound", StatusEvent(messages[Phone(0)], "Sent"));
        await DrainAsync(services);
        rows = (await campaigns.DeliveriesAsync(campaign.Id, default)).ToDictionary(d => d.ContactId);
        Assert.Equal(DeliveryStatus.Delivered, rows[people[0]].Status);
        Assert.Equal(DeliveryStatus.Failed, rows[people[1]].Status);
        Assert.Equal(messages[Phone(0)].Id, await ProviderIdAsync(services, Phone(0))); // RingCentral's own id from the event on
        Assert.True((await services.GetRequiredService<ContactService>().GetSummaryByPhoneAsync(Phone(1), default))!.NumberInvalid);

        // Missed events: the batch reconcile reads the message list and settles the batch.
        foreach (var i in new[] { 2, 3, 4, 5, 6, 7 })
        {
            fake.SetStatus(messages[Phone(i)].Id, "Delivered");
        }
        fake.SetStatus(messages[Phone(0)].Id, "Delivered");
        fake.SetStatus(messages[Phone(1)].Id, "DeliveryFailed", "SMS-CAR-411");
        using (var scope = services.CreateScope())
        {
            Assert.Equal(6, await scope.ServiceProvider.GetRequiredService<A2pReconcileJob>().RunAsync(default));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<A2pReconcileJob>().RunAsync(default)); // settled: not read again
        }
        Assert.Equal(1, fake.CallCount("/a2p-sms/messages"));
        rows = (await campaigns.DeliveriesAsync(campaign.Id, default)).ToDictionary(d => d.ContactId);
        Assert.All(new[] { 0, 2, 3, 4, 5, 6, 7 }, i => Assert.Equal(DeliveryStatus.Delivered, rows[people[i]].Status));

        // A transactional text keeps person-to-person SMS.
        var reminder = await services.GetRequiredService<SmsService>().SendAsync(new OutboundSms(people[0], Phone(0), "Your chef arrives at 5 pm", SmsPurpose.Transactional), default);
        Assert.True(reminder.Accepted);
        Assert.Equal(1, fake.CallCount("/extension/~/sms"));
        Assert.Single(fake.Batches);
    }

    private static async Task<string?> ProviderIdAsync(IServiceProvider services, string to)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.To == to && m.Purpose == SmsPurpose.Marketing).Select(m => m.ProviderMessageId).SingleAsync();
    }

    [Fact]
    public async Task A_campaign_number_without_A2PSmsSender_refuses_the_start_naming_the_number_and_the_feature()
    {
        await using var fake = await RingCentralFake.StartAsync();
        fake.NumberFeatures["+12125550147"] = ["SmsSender"];
        var time = new FakeTimeProvider(Start);
        await using var app = App(fake, time);
        await PersonConsent.CreateAsync(app.Services, new CreateContactRequest("Ava Winter", Phone(1), Tags: ["winter"], SmsConsent: SmsConsent.OptedIn));
        var campaigns = app.Services.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreateAsync(new NewCampaign("Winter dates", "Winter hibachi dates are open!", new Audience(["winter"], [], []), null), Actor.System, default);
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);

        var response = await client.PostAsJsonAsync($"/api/v1/sms-campaigns/{campaign.Id}/send", new { });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("+12125550147", detail, StringComparison.Ordinal);
        Assert.Contains("A2PSmsSender", detail, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Draft, (await campaigns.FindAsync(campaign.Id, default))!.Status);
        Assert.Empty(fake.Batches);

        // Once the number is registered, the same campaign starts.
        fake.NumberFeatures["+12125550147"] = ["SmsSender", "A2PSmsSender"];
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/sms-campaigns/{campaign.Id}/send", new { })).StatusCode);
        Assert.Equal(CampaignStatus.Sending, (await campaigns.FindAsync(campaign.Id, default))!.Status);
    }
}
