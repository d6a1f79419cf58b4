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
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// The process dies around the provider call (after the texts were stored as queued, before the provider's
/// answers were stored): the recovery asks the provider, records what it has, sends what it never got —
/// each person ends with exactly one text, and a STOP that arrived meanwhile wins.
/// </summary>
public sealed class InDoubtSmsTests
{
    private sealed class ProcessDied : Exception;

    private static (AppFactory App, FakeTimeProvider Time, RecordingSmsProvider Provider) NewApp() => SmsTestApp.New<RecordingSmsProvider>();

    private static async Task<List<Guid>> AddPeopleAsync(IServiceProvider services, int count)
    {
        var contacts = services.GetRequiredService<ContactService>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var created = await PersonConsent.CreateAsync(services, new CreateContactRequest($"Guest {i}", $"+1212555{i + 100:D4}", Tags: ["party"], SmsConsent: SmsConsent.OptedIn));
            ids.Add(created.Contact!.Id);
        }
        return ids;
    }

    /// <summary>A December campaign to everyone tagged "party", started (its sender not yet run).</summary>
    private static async Task<(CampaignService Campaigns, Campaign Campaign)> StartCampaignAsync(IServiceProvider services)
    {
        var campaigns = services.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreateAsync(new NewCampaign("Dec", "Hi {FirstName}, December dates are open!", new Audience(["party"], [], []), null), Actor.System, default);
        await campaigns.SendAsync(campaign.Id, null, default);
        return (campaigns, campaign);
    }

    private static async Task RunAsync<TJob>(IServiceProvider services, Func<TJob, Task> run) where TJob : notnull
    {
        using var scope = services.CreateScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    [Fact]
    public async Task A_campaign_whose_process_died_mid_batch_ends_with_one_text_per_person_and_none_to_who_opted_out_meanwhile()
    {
        var (app, time, provider) = NewApp();
        await using var _ = app;
        var people = await AddPeopleAsync(app.Services, 5);
        var (campaigns, campaign) = await StartCampaignAsync(app.Services);

        // The provider takes two texts, then the process dies on the third: all five are stored as queued, none has its answer stored.
        var calls = 0;
        provider.BeforeSend = (_, _) =>
        {
            if (++calls == 3)
            {
                throw new ProcessDied();
            }
        };
        await Assert.ThrowsAsync<ProcessDied>(() => RunAsync<CampaignSendJob>(app.Services, j => j.RunAsync(default)));
        provider.BeforeSend = null;
        Assert.Equal(2, provider.Sent.Count);
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(5, await db.Set<OutboundMessage>().CountAsync(m => m.Status == OutboundStatus.Queued && m.ProviderMessageId == null));
        }
        // The fifth person texts STOP before anyone recovers.
        await app.Services.GetRequiredService<ContactService>().SetConsentAsync(people[4], new ConsentChange(SmsConsent.OptedOut, "sms-keyword", "STOP"), Actor.System, default);

        // Too early to be in doubt (the dead sender's answers might still be coming): nothing happens.
        time.Advance(TimeSpan.FromSeconds(90));
        await RunAsync<InDoubtSmsJob>(app.Services, j => j.RunAsync(default));
        await RunAsync<CampaignSendJob>(app.Services, j => j.RunAsync(default));
        Assert.Equal(2, provider.Sent.Count);

        time.Advance(TimeSpan.FromMinutes(2));
        await RunAsync<InDoubtSmsJob>(app.Services, j => j.RunAsync(default));
        await RunAsync<InDoubtSmsJob>(app.Services, j => j.RunAsync(default)); // a second recovery finds nothing left
        await RunAsync<CampaignSendJob>(app.Services, j => j.RunAsync(default));
        time.Advance(TimeSpan.FromMinutes(3));
        await RunAsync<CampaignSendJob>(app.Services, j => j.RunAsync(default));

        var numbers = people.Select((_, i) => $"+1212555{i + 100:D4}").ToList();
        Assert.Equal([1, 1, 1, 1, 0], numbers.Select(provider.CountTo));
        var rows = (await campaigns.DeliveriesAsync(campaign.Id, default)).ToDictionary(d => d.ContactId);
        Assert.All(people.Take(4), p => Assert.Equal(DeliveryStatus.Sent, rows[p].Status));
        Assert.Equal((DeliveryStatus.Skipped, "optedOut"), (rows[people[4]].Status, rows[people[4]].Reason));
        Assert.Equal(CampaignStatus.Completed, (await campaigns.FindAsync(campaign.Id, default))!.Status);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Set<OutboundMessage>().CountAsync(m => m.Status == OutboundStatus.Queued && m.ProviderMessageId == null));
            var recovered = await db.Set<OutboundStatusChange>().Where(c => c.Detail == "recovered: the provider had it").CountAsync();
            var resent = await db.Set<OutboundStatusChange>().Where(c => c.Detail == "sent after a restart").CountAsync();
            Assert.Equal((2, 2), (recovered, resent));
        }
    }

    [Fact]
    public async Task A_campaign_text_in_doubt_is_not_sent_after_a_restart_to_a_number_a_carrier_has_since_marked_invalid()
    {
        var (app, time, provider) = NewApp();
        await using var _ = app;
        var people = await AddPeopleAsync(app.Services, 3);
        var (campaigns, campaign) = await StartCampaignAsync(app.Services);
        // The process dies on the first provider call: all three are stored as queued, none reached the provider.
        provider.BeforeSend = (_, _) => throw new ProcessDied();
        await Assert.ThrowsAsync<ProcessDied>(() => RunAsync<CampaignSendJob>(app.Services, j => j.RunAsync(default)));
        provider.BeforeSend = null;
        // Meanwhile a carrier reports the first number as unallocated (a receipt of another text).
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.True(await app.Services.GetRequiredService<ContactService>().MarkNumberInvalidAsync(db, "+12125550100", "SMS-CAR-411", time.GetUtcNow().UtcDateTime, default));
            await db.SaveChangesAsync();
        }

        time.Advance(TimeSpan.FromMinutes(4));
        await RunAsync<InDoubtSmsJob>(app.Services, j => j.RunAsync(default));
        await RunAsync<CampaignSendJob>(app.Services, j => j.RunAsync(default));

        Assert.Equal([0, 1, 1], new[] { "+12125550100", "+12125550101", "+12125550102" }.Select(provider.CountTo));
        var rows = (await campaigns.DeliveriesAsync(campaign.Id, default)).ToDictionary(d => d.ContactId);
        Assert.Equal((DeliveryStatus.Skipped, "invalidNumber"), (rows[people[0]].Status, rows[people[0]].Reason));
        Assert.All(people.Skip(1), p => Assert.Equal(DeliveryStatus.Sent, rows[p].Status));
    }

    [Fact]
    public async Task A_single_text_lost_around_the_provider_call_is_sent_once_by_the_recovery_and_a_retry_with_its_key_gets_the_same_text()
    {
        var (app, time, provider) = NewApp();
        await using var _ = app;
        var people = await AddPeopleAsync(app.Services, 1);
        var sms = app.Services.GetRequiredService<SmsService>();
        provider.BeforeSend = (_, _) => throw new ProcessDied();
        var text = new OutboundSms(people[0], "+12125550100", "Your party is confirmed for Dec 5.", SmsPurpose.Transactional, "booking-confirmed:1");
        await Assert.ThrowsAsync<ProcessDied>(() => sms.SendAsync(text, default));
        provider.BeforeSend = null;

        time.Advance(SmsService.InDoubtAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sms.ResolveInDoubtAsync(default));
        var retry = await sms.SendAsync(text, default);
        Assert.True(retry.Accepted);
        Assert.NotNull(retry.ProviderMessageId);
        Assert.Equal(1, provider.CountTo("+12125550100"));
        Assert.Equal(0, await sms.ResolveInDoubtAsync(default));
    }
}
