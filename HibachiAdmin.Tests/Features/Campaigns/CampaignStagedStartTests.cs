using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// A big start is written in short transactions (never one long one holding SQLite's write lock), only becomes Sending
/// when every row is there, and a start that died midway is finished by the next one without a second row for anyone.
/// </summary>
public sealed class CampaignStagedStartTests
{
    private sealed class CommitCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        public int Commits;

        public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Commits);
            return Task.CompletedTask;
        }
    }

    private static async Task<(AppFactory App, Guid CampaignId, List<Guid> People)> ArrangeAsync(int count, CommitCounter? commits = null)
    {
        var app = new AppFactory
        {
            Time = new FakeTimeProvider(HighVolumeCampaignTests.Start),
            ConfigureTestServices = s =>
            {
                if (commits is not null)
                {
                    s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(commits);
                }
            },
        }.With("Hangfire:ProcessJobs", "false");
        var people = new List<Guid>(count);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < count; i++)
            {
                var contact = new Contact { Name = $"Guest {i}", Phone = $"+1646{i:D7}", CreatedAt = HighVolumeCampaignTests.Start.UtcDateTime, UpdatedAt = HighVolumeCampaignTests.Start.UtcDateTime };
                db.Add(contact);
                people.Add(contact.Id);
            }
            await db.SaveChangesAsync();
        }
        var campaign = await app.Services.GetRequiredService<CampaignService>().CreateAsync(
            new NewCampaign("Big winter", "Winter hibachi dates are open!", new Audience([], [], people), null), Actor.System, default);
        return (app, campaign.Id, people);
    }

    private static async Task<(int Rows, int Distinct, CampaignStatus Status)> StateAsync(AppFactory app, Guid id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var contacts = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id).Select(d => d.ContactId).ToListAsync();
        return (contacts.Count, contacts.Distinct().Count(), (await db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task A_big_start_writes_its_rows_in_short_transactions_and_then_starts_once()
    {
        var commits = new CommitCounter();
        var (app, id, people) = await ArrangeAsync(CampaignService.StartChunk * 2 + 5, commits);
        await using var _ = app;
        var service = app.Services.GetRequiredService<CampaignService>();
        var before = Volatile.Read(ref commits.Commits);
        Assert.True(await service.StartAsync(id, default));
        Assert.True(Volatile.Read(ref commits.Commits) - before >= 3, $"{Volatile.Read(ref commits.Commits) - before} transactions: the rows were not written in chunks");
        Assert.False(await service.StartAsync(id, default)); // a second start is a no-op
        Assert.Equal((people.Count, people.Count, CampaignStatus.Sending), await StateAsync(app, id));
    }

    [Fact]
    public async Task A_start_that_died_midway_is_finished_by_the_next_start_with_one_row_each()
    {
        var (app, id, people) = await ArrangeAsync(CampaignService.StartChunk * 2 + 300);
        await using var _ = app;
        // The first start wrote one chunk and died: the campaign is still a draft, nothing can be sent.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            foreach (var contact in people.Take(CampaignService.StartChunk))
            {
                db.Add(new CampaignDelivery { CampaignId = id, ContactId = contact, Text = "Winter hibachi dates are open!", DueAt = HighVolumeCampaignTests.Start.UtcDateTime });
            }
            await db.SaveChangesAsync();
        }
        Assert.Equal((CampaignService.StartChunk, CampaignService.StartChunk, CampaignStatus.Draft), await StateAsync(app, id));

        var service = app.Services.GetRequiredService<CampaignService>();
        Assert.True(await service.StartAsync(id, default));
        Assert.Equal((people.Count, people.Count, CampaignStatus.Sending), await StateAsync(app, id));

        // A small campaign cancelled while a staged start ran does not start.
        var (small, smallId, _) = await ArrangeAsync(3);
        await using var __ = small;
        await using (var db = await small.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Add(new CampaignDelivery { CampaignId = smallId, ContactId = (await db.Set<Contact>().FirstAsync()).Id, DueAt = HighVolumeCampaignTests.Start.UtcDateTime });
            await db.SaveChangesAsync();
        }
        await small.Services.GetRequiredService<CampaignService>().CancelAsync(smallId, default);
        Assert.False(await small.Services.GetRequiredService<CampaignService>().StartAsync(smallId, default));
    }
}
