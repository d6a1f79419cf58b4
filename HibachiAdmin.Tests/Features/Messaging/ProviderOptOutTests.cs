using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Text.Json.Nodes;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Features.Campaigns;
using HibachiAdmin.Tests.Infrastructure;
using HibachiAdmin.Tests.Infrastructure.Providers;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// RingCentral's opt-out service and our consent ledger never disagree: its opt-out events and its list (nightly) go into
/// the ledger with their own source and time, ordered with the person's own keywords; its opt-ins never opt anyone in;
/// an opt-out made in this app is pushed to its list for the campaign number.
/// </summary>
public sealed class ProviderOptOutTests
{
    private const string OptOutFilter = "/restapi/v1.0/account/400012345008/a2p-sms/opt-outs";

    private static async Task<List<ConsentLedgerEntry>> LedgerAsync(IServiceProvider services, string phone)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ConsentLedgerEntry>().AsNoTracking().Where(e => e.Phone == phone).OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task DrainAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
    }

    [Fact]
    public async Task An_opt_out_event_is_applied_with_its_own_source_and_time_and_an_opt_in_event_opts_nobody_in()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var time = new FakeTimeProvider(HighVolumeCampaignTests.Start);
        await using var app = HighVolumeCampaignTests.App(fake, time);
        var services = app.Services;
        var client = app.CreateClient();
        var contacts = services.GetRequiredService<ContactService>();
        var start = HighVolumeCampaignTests.Start.UtcDateTime;
        var jo = (await contacts.CreateAsync(new CreateContactRequest("Jo Okla", "+14055550199"), Actor.System, default)).Contact!;
        await PersonConsent.SetAsync(services, jo.Id, SmsConsent.OptedIn, start.AddDays(-1));

        // The documented event (RingCentral's fixture), sent at Start.
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ringcentral-a2p-optout-event.json")))!.AsObject();
        fixture["timestamp"] = start.AddMinutes(-5).ToString("O");
        await StatusSyncTests.PostAsync(client, fixture.ToJsonString());
        fixture["uuid"] = Guid.NewGuid().ToString(); // a redelivery under a new uuid: already opted out, nothing new
        await StatusSyncTests.PostAsync(client, fixture.ToJsonString());
        await DrainAsync(services);

        var summary = (await contacts.GetSummaryByPhoneAsync("+14055550199", default))!;
        Assert.Equal(SmsConsent.OptedOut, summary.SmsConsent);
        var ledger = await LedgerAsync(services, "+14055550199");
        var optOut = Assert.Single(ledger, e => e.To == SmsConsent.OptedOut && e.From == SmsConsent.OptedIn);
        Assert.Equal(ContactService.ProviderOptOutSource, optOut.Source);
        Assert.Equal(start.AddMinutes(-5), optOut.At);
        Assert.Contains("7d6c5b4a-3f2e-4d1c-9b0a-8f7e6d5c4b3a", optOut.Evidence, StringComparison.Ordinal);

        // RingCentral reports the pair opted back in (START to the campaign number): recorded, never applied.
        await HighVolumeCampaignTests.PostEventAsync(client, OptOutFilter, new JsonObject { ["from"] = "+12125550147", ["to"] = "+14055550199", ["active"] = false });
        await DrainAsync(services);
        Assert.Equal(SmsConsent.OptedOut, (await contacts.GetSummaryByPhoneAsync("+14055550199", default))!.SmsConsent);
        Assert.Contains(await LedgerAsync(services, "+14055550199"), e => e.Source == ContactService.ProviderOptOutSource && e.From == e.To && e.Evidence!.StartsWith("Not applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_opt_out_older_than_the_persons_own_YES_is_kept_as_evidence_and_the_YES_stands()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var time = new FakeTimeProvider(HighVolumeCampaignTests.Start);
        await using var app = HighVolumeCampaignTests.App(fake, time);
        var services = app.Services;
        var contacts = services.GetRequiredService<ContactService>();
        var start = HighVolumeCampaignTests.Start.UtcDateTime;
        var sam = (await contacts.CreateAsync(new CreateContactRequest("Sam Miami", "+13055550123"), Actor.System, default)).Contact!;
        await PersonConsent.SetAsync(services, sam.Id, SmsConsent.OptedIn, start);
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(ProviderOptOutOutcome.Superseded, await contacts.ApplyProviderOptOutAsync(db, "+13055550123", true, start.AddMinutes(-1), "older report", default));
            Assert.Equal(ProviderOptOutOutcome.NoContact, await contacts.ApplyProviderOptOutAsync(db, "+13055550100", true, start, "nobody", default));
            await db.SaveChangesAsync();
        }
        Assert.Equal(SmsConsent.OptedIn, (await contacts.GetSummaryByPhoneAsync("+13055550123", default))!.SmsConsent);
        Assert.Contains(await LedgerAsync(services, "+13055550123"), e => e.Source == ContactService.ProviderOptOutSource && e.Evidence!.Contains("older report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_nightly_reconcile_applies_RingCentrals_list_and_app_opt_outs_are_pushed_to_it_once()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var time = new FakeTimeProvider(HighVolumeCampaignTests.Start);
        await using var app = HighVolumeCampaignTests.App(fake, time);
        var services = app.Services;
        var client = app.CreateClient();
        var contacts = services.GetRequiredService<ContactService>();
        var start = HighVolumeCampaignTests.Start.UtcDateTime;
        var al = (await contacts.CreateAsync(new CreateContactRequest("Al Aska", "+19075550111"), Actor.System, default)).Contact!;
        await PersonConsent.SetAsync(services, al.Id, SmsConsent.OptedIn, start.AddDays(-2));
        var sam = (await contacts.CreateAsync(new CreateContactRequest("Sam Miami", "+13055550123"), Actor.System, default)).Contact!;
        await PersonConsent.SetAsync(services, sam.Id, SmsConsent.OptedIn, start.AddDays(-2));
        using var scope = services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<OptOutSyncJob>();
        Assert.Equal(0, await job.PushAsync(default)); // the first run only sets the cursor: history is the reconcile's

        // RingCentral's list holds Al (he texted STOP to the campaign number while our webhook was down).
        fake.OptOuts.Add(("+12125550147", "+19075550111"));
        Assert.Equal(1, await job.ReconcileAsync(default));
        Assert.Equal(0, await job.ReconcileAsync(default));
        Assert.Equal(SmsConsent.OptedOut, (await contacts.GetSummaryByPhoneAsync("+19075550111", default))!.SmsConsent);
        Assert.Equal(ContactService.ProviderOptOutSource, (await LedgerAsync(services, "+19075550111")).Last().Source);

        // Sam texts STOP to the conversation number: pushed to RingCentral's list for the campaign number; Al's is not pushed back.
        await StatusSyncTests.PostAsync(client, ExactlyOnceTests.Sms("+13055550123", "STOP", HighVolumeCampaignTests.Start, 1));
        await DrainAsync(services);
        Assert.Equal(1, await job.PushAsync(default));
        Assert.Equal(0, await job.PushAsync(default));
        var write = Assert.Single(fake.OptOutWrites);
        var record = Assert.Single(write["records"]!.AsArray());
        Assert.Equal(("+12125550147", "+13055550123", "OptOut"), (record!["from"]!.GetValue<string>(), record["to"]!.GetValue<string>(), record["optStatus"]!.GetValue<string>()));
        Assert.Contains(("+12125550147", "+13055550123"), fake.OptOuts);
    }
}
