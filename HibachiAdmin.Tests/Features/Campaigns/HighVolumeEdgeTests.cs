using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Text.Json.Nodes;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Infrastructure.Providers;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>The edges of the High Volume path: batch answers, the sender check, odd events, paging, settling, what is pushed.</summary>
public sealed class HighVolumeEdgeTests
{
    private static string Phone(int i) => $"+1212555{6000 + i:D4}";

    [Fact]
    public async Task A_batch_answer_maps_rejections_by_their_1_based_index_and_a_refused_request_fails_every_text_with_RingCentrals_code()
    {
        await using var fake = await RingCentralFake.StartAsync();
        await using var app = HighVolumeCampaignTests.App(fake, new FakeTimeProvider(HighVolumeCampaignTests.Start));
        var provider = (RingCentralSmsProvider)app.Services.GetRequiredService<ISmsProvider>();
        Assert.Equal(10_000, provider.MaxBatchSize);
        fake.RejectOnBatch[Phone(1)] = ("SMS-RC-410", "The recipient number is invalid");
        var texts = Enumerable.Range(0, 3).Select(i => new BatchText(Guid.NewGuid(), Phone(i), $"text {i}")).ToList();

        var results = await provider.SendBatchAsync(texts, default);
        Assert.Equal(3, Assert.Single(fake.Batches)["messages"]!.AsArray().Count);
        var batchId = results[0].BatchId!;
        Assert.Equal(new BatchTextResult(true, RingCentralSmsProvider.A2pKey(batchId, Phone(0)), batchId, null), results[0]);
        Assert.Equal(new BatchTextResult(false, null, batchId, "SMS-RC-410: The recipient number is invalid"), results[1]);
        Assert.Equal(new BatchTextResult(true, RingCentralSmsProvider.A2pKey(batchId, Phone(2)), batchId, null), results[2]);
        Assert.Equal($"a2p:{batchId}:{Phone(0)}", results[0].ProviderMessageId);

        fake.Force429["light"] = RingCentralRateLimitHandler.MaxAttempts;
        fake.RetryAfterSeconds = 0;
        var refused = await provider.SendBatchAsync(texts, default);
        Assert.All(refused, r => Assert.Equal(new BatchTextResult(false, null, null, "CMN-301: RingCentral rate limit still exceeded after retries."), r));
        Assert.Single(fake.Batches);
    }

    [Fact]
    public async Task Over_10000_texts_go_in_two_requests_and_a_reconcile_reads_every_page()
    {
        await using var fake = await RingCentralFake.StartAsync();
        await using var app = HighVolumeCampaignTests.App(fake, new FakeTimeProvider(HighVolumeCampaignTests.Start));
        var provider = (RingCentralSmsProvider)app.Services.GetRequiredService<ISmsProvider>();
        var texts = Enumerable.Range(0, 10_001).Select(i => new BatchText(Guid.NewGuid(), $"+1646{i:D7}", "hi")).ToList();
        var results = await provider.SendBatchAsync(texts, default);
        Assert.Equal(2, fake.Batches.Count);
        Assert.Equal([10_000, 1], fake.Batches.Select(b => b["messages"]!.AsArray().Count));
        Assert.All(results, r => Assert.True(r.Accepted));
        Assert.Equal(2, results.Select(r => r.BatchId).Distinct().Count());

        var client = app.Services.GetRequiredService<RingCentralClient>();
        var first = await client.ListA2pMessagesAsync(results[0].BatchId!, null, default);
        Assert.Equal(1000, first.Records.Count);
        Assert.Equal("1000", first.NextPageToken);
        var pages = 1;
        for (var token = first.NextPageToken; token is not null; pages++)
        {
            token = (await client.ListA2pMessagesAsync(results[0].BatchId!, token, default)).NextPageToken;
        }
        Assert.Equal(10, pages);
        Assert.Null((await client.ListA2pMessagesAsync(results[^1].BatchId!, null, default)).NextPageToken);
    }

    [Theory]
    [InlineData(null, "does not belong to this RingCentral extension")]
    [InlineData("SmsSender", "lacks the A2PSmsSender feature (it has: SmsSender)")]
    [InlineData("", "lacks the A2PSmsSender feature (it has: none)")]
    [InlineData("SmsSender,A2PSmsSender", null)]
    public async Task The_sender_check_names_the_number_and_what_it_lacks(string? features, string? expected)
    {
        await using var fake = await RingCentralFake.StartAsync();
        fake.NumberFeatures.Clear();
        if (features is not null)
        {
            fake.NumberFeatures["+12125550147"] = features.Length == 0 ? [] : features.Split(',');
        }
        fake.NumberFeatures["+12125550199"] = ["A2PSmsSender"];
        await using var app = HighVolumeCampaignTests.App(fake, new FakeTimeProvider(HighVolumeCampaignTests.Start));
        var check = await app.Services.GetRequiredService<SmsService>().CheckMarketingSenderAsync(default);
        if (expected is null)
        {
            Assert.Null(check);
        }
        else
        {
            Assert.Contains("+12125550147", check, StringComparison.Ordinal);
            Assert.Contains(expected, check, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_campaign_number_setting_wins_over_the_conversation_number_and_the_sandbox_has_no_batch_channel()
    {
        await using var fake = await RingCentralFake.StartAsync();
        fake.NumberFeatures["+12125550199"] = ["A2PSmsSender"];
        fake.NumberFeatures["+12125550147"] = ["SmsSender"];
        await using var app = HighVolumeCampaignTests.App(fake, new FakeTimeProvider(HighVolumeCampaignTests.Start)).With("RingCentral:CampaignFromNumber", "+12125550199");
        var sms = app.Services.GetRequiredService<SmsService>();
        Assert.Null(await sms.CheckMarketingSenderAsync(default));
        Assert.True(sms.SendsMarketingInBatches);
        await ((RingCentralSmsProvider)app.Services.GetRequiredService<ISmsProvider>()).SendBatchAsync([new BatchText(Guid.NewGuid(), Phone(1), "hi")], default);
        Assert.Equal("+12125550199", Assert.Single(fake.Batches)["from"]!.GetValue<string>());

        await using var sandbox = new HibachiAdmin.Tests.TestKit.AppFactory().With("Hangfire:ProcessJobs", "false");
        var plain = sandbox.Services.GetRequiredService<SmsService>();
        Assert.False(plain.SendsMarketingInBatches);
        Assert.Equal(1, plain.MarketingBatchSize);
        Assert.Null(await plain.CheckMarketingSenderAsync(default));
        using var scope = sandbox.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<A2pReconcileJob>().RunAsync(default));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OptOutSyncJob>().PushAsync(default));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OptOutSyncJob>().ReconcileAsync(default));
    }

    [Fact]
    public async Task Odd_high_volume_events_are_recorded_and_change_nothing_and_a_future_timestamp_counts_from_arrival()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var time = new FakeTimeProvider(HighVolumeCampaignTests.Start);
        await using var app = HighVolumeCampaignTests.App(fake, time);
        var services = app.Services;
        var client = app.CreateClient();
        var contacts = services.GetRequiredService<ContactService>();
        var kim = (await contacts.CreateAsync(new CreateContactRequest("Kim Lee", Phone(7)), Actor.System, default)).Contact!;
        await PersonConsent.SetAsync(services, kim.Id, SmsConsent.OptedIn, HighVolumeCampaignTests.Start.UtcDateTime.AddDays(-1));

        await HighVolumeCampaignTests.PostEventAsync(client, "/restapi/v1.0/account/1/a2p-sms/opt-outs", new JsonObject { ["from"] = "+12125550147", ["active"] = true });
        await HighVolumeCampaignTests.PostEventAsync(client, "/restapi/v1.0/account/1/a2p-sms/opt-outs", new JsonObject { ["to"] = Phone(7), ["active"] = "yes" });
        await HighVolumeCampaignTests.PostEventAsync(client, "/restapi/v1.0/account/1/a2p-sms/batches", new JsonObject { ["id"] = "b-1", ["status"] = "Completed" });
        await HighVolumeCampaignTests.PostEventAsync(client, "/restapi/v1.0/account/1/a2p-sms/statuses", new JsonObject { ["queued"] = 1 });
        await HighVolumeCampaignTests.PostEventAsync(client, "/restapi/v1.0/account/1/a2p-sms/messages?direction=Outbound",
            new JsonObject { ["records"] = new JsonArray(new JsonObject { ["id"] = "nope", ["batchId"] = "b-1", ["to"] = new JsonArray(Phone(7)), ["messageStatus"] = "Delivered" }) });
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
        }
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var outcomes = (await db.Set<InboundEvent>().AsNoTracking().Select(e => e.Outcome!).ToListAsync()).Order(StringComparer.Ordinal);
            Assert.Equal(new[]
            {
                "ignored: opt-out event without a number or an active flag",
                "ignored: opt-out event without a number or an active flag",
                "noted: high volume batch event",
                "ignored: unknown high volume event",
                "high volume status: 0 of 1 texts moved",
            }.Order(StringComparer.Ordinal), outcomes);
        }
        Assert.Equal(SmsConsent.OptedIn, (await contacts.GetSummaryByPhoneAsync(Phone(7), default))!.SmsConsent);

        // An opt-out stamped an hour ahead of our clock counts from its arrival.
        var notification = new JsonObject
        {
            ["uuid"] = Guid.NewGuid().ToString(), ["event"] = "/restapi/v1.0/account/1/a2p-sms/opt-outs",
            ["timestamp"] = HighVolumeCampaignTests.Start.UtcDateTime.AddHours(1).ToString("O"),
            ["body"] = new JsonObject { ["from"] = "+12125550147", ["to"] = "(212) 555-6007", ["active"] = true },
        };
        await StatusSyncTests.PostAsync(client, notification.ToJsonString());
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
        }
        await using var check = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var entry = await check.Set<ConsentLedgerEntry>().AsNoTracking().Where(e => e.Phone == Phone(7)).OrderBy(e => e.Id).LastAsync();
        Assert.Equal((SmsConsent.OptedIn, SmsConsent.OptedOut, ContactService.ProviderOptOutSource), (entry.From, entry.To, entry.Source));
        Assert.Equal(HighVolumeCampaignTests.Start.UtcDateTime, entry.At);
    }

    [Fact]
    public async Task A_batch_still_changing_stays_open_until_it_is_two_days_old()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var time = new FakeTimeProvider(HighVolumeCampaignTests.Start);
        // The jump of two days would otherwise fire the QR cache sync's 2 s timer 86,400 times.
        await using var app = HighVolumeCampaignTests.App(fake, time).With("Qr:CacheSyncSeconds", "0");
        var services = app.Services;
        var id = (await services.GetRequiredService<RingCentralClient>().CreateA2pBatchAsync([(Phone(1), "hi"), (Phone(2), "hi")], default)).Id;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Add(new A2pBatch { Id = id, Size = 2, CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        fake.SetStatus(fake.Messages.Values.First(m => m.To == Phone(1)).Id, "Delivered");
        using var scope = services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<A2pReconcileJob>();
        await job.RunAsync(default);
        await job.RunAsync(default);
        Assert.Equal(2, fake.CallCount("/a2p-sms/messages")); // one text still queued: read again
        time.Advance(A2pReconcileJob.SettleAfter + TimeSpan.FromMinutes(1));
        await job.RunAsync(default);
        await job.RunAsync(default);
        Assert.Equal(3, fake.CallCount("/a2p-sms/messages"));
        await using var check = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var batch = await check.Set<A2pBatch>().AsNoTracking().SingleAsync();
        Assert.Equal(time.GetUtcNow().UtcDateTime, batch.SettledAt);
        Assert.Equal(time.GetUtcNow().UtcDateTime, batch.LastReconciledAt);
    }

    [Fact]
    public async Task Only_opt_outs_made_in_this_app_are_pushed_in_ledger_order()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var time = new FakeTimeProvider(HighVolumeCampaignTests.Start);
        await using var app = HighVolumeCampaignTests.App(fake, time);
        var services = app.Services;
        var contacts = services.GetRequiredService<ContactService>();
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await contacts.CreateAsync(new CreateContactRequest($"Person {(char)('A' + i)}", Phone(20 + i)), Actor.System, default)).Contact!.Id);
            await PersonConsent.SetAsync(services, ids[i], SmsConsent.OptedIn, HighVolumeCampaignTests.Start.UtcDateTime.AddDays(-3));
        }
        await using var db0 = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var cursor = await db0.Set<ConsentLedgerEntry>().MaxAsync(e => e.Id);
        await PersonConsent.SetAsync(services, ids[2], SmsConsent.OptedOut);
        await PersonConsent.SetAsync(services, ids[0], SmsConsent.OptedOut);
        await PersonConsent.SetAsync(services, ids[0], SmsConsent.OptedOut); // no second row: already out
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await contacts.ApplyProviderOptOutAsync(db, Phone(21), true, time.GetUtcNow().UtcDateTime, "from RingCentral", default);
            await db.SaveChangesAsync();
        }
        var rows = await contacts.OptOutsToPushAsync(cursor, 10, default);
        Assert.Equal([Phone(22), Phone(20)], rows.Select(r => r.Phone));
        Assert.True(rows[0].Id < rows[1].Id);
        Assert.Equal([Phone(22)], (await contacts.OptOutsToPushAsync(cursor, 1, default)).Select(r => r.Phone));
        Assert.Empty(await contacts.OptOutsToPushAsync(rows[1].Id, 10, default));
    }
}

/// <summary>A campaign text whose batch answer never reached us is found in High Volume before anything is sent again.</summary>
public sealed class HighVolumeInDoubtTests
{
    [Fact]
    public async Task A_text_that_left_in_a_batch_is_found_by_number_and_words_and_an_unknown_one_is_not()
    {
        await using var fake = await RingCentralFake.StartAsync();
        await using var app = HighVolumeCampaignTests.App(fake, new FakeTimeProvider(HighVolumeCampaignTests.Start));
        var provider = (RingCentralSmsProvider)app.Services.GetRequiredService<ISmsProvider>();
        await provider.SendBatchAsync([new BatchText(Guid.NewGuid(), "+12125556101", "Winter dates are open"), new BatchText(Guid.NewGuid(), "+12125556102", "Winter dates are open")], default);
        var sent = fake.Messages.Values.Single(m => m.To == "+12125556101");
        var since = HighVolumeCampaignTests.Start.UtcDateTime;

        Assert.Equal(sent.Id, await provider.FindSentAsync(Guid.NewGuid(), "+12125556101", "Winter dates are open", since, default));
        Assert.Null(await provider.FindSentAsync(Guid.NewGuid(), "+12125556101", "Another text", since, default));
        Assert.Null(await provider.FindSentAsync(Guid.NewGuid(), "+12125556109", "Winter dates are open", since, default));
        Assert.Contains(fake.Calls, c => c.Path.EndsWith("/a2p-sms/messages", StringComparison.Ordinal) && c.Query.Contains("view=Detailed", StringComparison.Ordinal));
    }
}
