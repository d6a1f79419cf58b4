using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure.Live;

/// <summary>
/// A live page is told about a change only once other connections can see it: after SaveChanges, or, inside an explicit
/// transaction, after the commit (a page that re-read before the commit would show the old numbers and hear nothing more);
/// a rolled-back change is never announced.
/// </summary>
public sealed class LivePagesHearAfterCommitTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public LivePagesHearAfterCommitTests(AppFactory app) => _app = app;

    private async Task<List<Guid>> TrackAsync(Func<AppDbContext, CampaignChanges, List<Guid>, Task> work)
    {
        var heard = new List<Guid>();
        var changes = _app.Services.GetRequiredService<CampaignChanges>();
        using var _ = changes.Subscribe(ids => { lock (heard) { heard.AddRange(ids); } return Task.CompletedTask; });
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await work(db, changes, heard);
        return heard;
    }

    private static void AnyChange(AppDbContext db) => db.Add(new ProviderSyncState { Key = $"test:{Guid.NewGuid():N}" });

    [Fact]
    public async Task Inside_a_transaction_the_page_hears_at_the_commit_not_at_the_save()
    {
        var id = Guid.NewGuid();
        var heard = await TrackAsync(async (db, changes, heard) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            AnyChange(db);
            changes.AfterCommit(db, id);
            await db.SaveChangesAsync();
            lock (heard)
            {
                Assert.Empty(heard);
            }
            await tx.CommitAsync();
        });
        Assert.Equal([id], heard);
    }

    [Fact]
    public async Task A_plain_save_is_heard_at_once_and_a_rolled_back_one_never()
    {
        var saved = Guid.NewGuid();
        Assert.Equal([saved], await TrackAsync(async (db, changes, _) =>
        {
            AnyChange(db);
            changes.AfterCommit(db, saved);
            await db.SaveChangesAsync();
        }));
        Assert.Empty(await TrackAsync(async (db, changes, _) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            AnyChange(db);
            changes.AfterCommit(db, Guid.NewGuid());
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }));
    }
}
