using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// One host for tracked-link tests (a class fixture): <see cref="CampaignTestApp"/> with <c>Qr:PublicBaseUrl</c> set, so
/// links become <c>https://hibachi.example/l/{code}</c>. Each test makes its own campaign and reads back only its rows.
/// </summary>
public sealed class LinksTestApp : Xunit.IAsyncLifetime
{
    public const string BaseUrl = "https://hibachi.example";
    public const string Message = "Hi {FirstName|there}! Menu: https://menu.example/hibachi?utm_source=sms and book at www.book.example/dates.";

    public CampaignTestApp Campaigns { get; } = new();

    public LinksTestApp() => Campaigns.App.With("Qr:PublicBaseUrl", BaseUrl);

    public IServiceProvider Services => Campaigns.App.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that does not follow redirects (the test reads the 302).</summary>
    public HttpClient Client() => Campaigns.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A campaign with two links sent to <paramref name="people"/> new opted-in New York contacts.</summary>
    public async Task<(Guid CampaignId, IReadOnlyList<Guid> People)> SentAsync(int people, string message = Message)
    {
        var tag = $"l{Guid.NewGuid():N}"[..12];
        var ids = new List<Guid>();
        for (var i = 0; i < people; i++)
        {
            var created = await PersonConsent.CreateAsync(Services, new CreateContactRequest($"Linda{i} Park", TestPhones.Next("212").E164, Tags: [tag], SmsConsent: SmsConsent.OptedIn));
            ids.Add(created.Contact!.Id);
        }
        var campaign = await Get<CampaignService>().CreateAsync(new NewCampaign("Links", message, new Audience([tag], [], []), null, CampaignLinks.Base(Get<Microsoft.Extensions.Configuration.IConfiguration>(), "http://localhost")), Actor.System, default);
        await Campaigns.SendAsync(campaign.Id);
        return (campaign.Id, ids);
    }

    public async Task<List<TrackedLink>> LinksAsync(Guid campaignId)
    {
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<TrackedLink>().AsNoTracking().Where(l => l.CampaignId == campaignId).OrderBy(l => l.ContactId).ThenBy(l => l.Position).ToListAsync();
    }

    public async Task<List<LinkClick>> ClicksAsync(Guid campaignId)
    {
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<LinkClick>().AsNoTracking().Where(c => c.CampaignId == campaignId).OrderBy(c => c.Id).ToListAsync();
    }

    public async Task<string> TextOfAsync(Guid campaignId, Guid contactId)
    {
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<CampaignDelivery>().Where(d => d.CampaignId == campaignId && d.ContactId == contactId).Select(d => d.Text).SingleAsync();
    }

    public async Task AttributeAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<LinkClickAttributionJob>().RunAsync(default);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Campaigns.DisposeAsync();
}
