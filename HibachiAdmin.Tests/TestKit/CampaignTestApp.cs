using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// A host for campaign tests that drive the sender and the receipts by hand: a frozen clock (10:00 in New York), a
/// recording SMS provider, a command counter, Hangfire not processing. <see cref="CampaignAsync"/> makes opted-in people
/// with a tag and a draft campaign to them; <see cref="SendAsync"/> starts it and runs the sender once.
/// </summary>
public sealed class CampaignTestApp : IAsyncDisposable
{
    public CampaignTestApp()
    {
        App = new AppFactory
        {
            Time = Time,
            ConfigureTestServices = s =>
            {
                s.AddSingleton<IInterceptor>(Commands);
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(Provider);
            },
        }.With("Hangfire:ProcessJobs", "false").With("Sms:MaxPerSecond", "0");
    }

    public FakeTimeProvider Time { get; } = TestClock.Frozen();
    public RecordingSmsProvider Provider { get; } = new();
    public FaultInjector Commands { get; } = new();
    public AppFactory App { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A draft campaign to <paramref name="people"/> new opted-in New York contacts; returns it and their ids in order.</summary>
    public async Task<(Guid CampaignId, IReadOnlyList<Guid> People)> CampaignAsync(int people, string name = "December dates")
    {
        var tag = $"t{Guid.NewGuid():N}"[..12];
        var ids = new List<Guid>();
        for (var i = 0; i < people; i++)
        {
            var created = await PersonConsent.CreateAsync(App.Services, new CreateContactRequest($"Guest {i}", TestPhones.Next("212").E164, Tags: [tag], SmsConsent: SmsConsent.OptedIn));
            ids.Add(created.Contact!.Id);
        }
        var campaign = await Get<CampaignService>().CreateAsync(new NewCampaign(name, "Hi {FirstName|there}, December hibachi dates are filling up!", new Audience([tag], [], []), null), Actor.System, default);
        return (campaign.Id, ids);
    }

    /// <summary>Starts the campaign and runs the sender once (everyone eligible gets their text).</summary>
    public async Task SendAsync(Guid campaignId)
    {
        await Get<CampaignService>().SendAsync(campaignId, null, default);
        await RunSenderAsync();
    }

    public async Task RunSenderAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
    }

    /// <summary>The text the campaign sent to <paramref name="contactId"/>.</summary>
    public async Task<Guid> TextToAsync(Guid campaignId, Guid contactId)
    {
        var key = CampaignService.CorrelationPrefix(campaignId) + contactId;
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboundMessage>().Where(m => m.CorrelationId == key).Select(m => m.Id).SingleAsync();
    }

    /// <summary>A carrier receipt for a text, the way the sandbox's receipts arrive.</summary>
    public Task<bool> ReceiptAsync(Guid messageId, OutboundStatus status) =>
        Get<SmsService>().ApplyStatusAsync(messageId, status, status == OutboundStatus.Failed ? "carrier: SMS-CAR-199 (test)" : $"carrier: {status}", default);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
