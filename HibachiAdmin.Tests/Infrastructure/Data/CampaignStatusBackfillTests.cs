using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>
/// Campaigns sent before delivery rows owned their status (rows stayed Sent, delivered and failed were read from the
/// texts) get their true status from the migration that made the rows own it, on both providers.
/// </summary>
public abstract class CampaignStatusBackfillTests
{
    protected abstract TestDatabase NewDatabase();

    [Fact]
    public async Task Rows_of_texts_the_carrier_already_reported_take_that_status_and_others_keep_theirs()
    {
        var database = NewDatabase();
        try
        {
            await using var db = DataSetup.CreateForTooling(database.Provider, database.ConnectionString);
            var at = new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);
            var campaign = new Campaign { Name = "Old", Message = "Hi", Status = CampaignStatus.Completed, CreatedBy = "x", CreatedAt = at };
            db.Add(campaign);
            OutboundMessage Text(OutboundStatus status, string? error = null) => new()
            {
                To = "+12125550100", Text = "Hi", Purpose = SmsPurpose.Marketing, Status = status, Error = error, Segments = 1, CreatedAt = at, UpdatedAt = at.AddMinutes(1),
                SentAt = at, DeliveredAt = status == OutboundStatus.Delivered ? at.AddMinutes(1) : null,
            };
            var delivered = Text(OutboundStatus.Delivered);
            var failed = Text(OutboundStatus.Failed, "ringcentral: DeliveryFailed (SMS-CAR-411)");
            var inFlight = Text(OutboundStatus.Sent);
            db.AddRange(delivered, failed, inFlight);
            CampaignDelivery Row(OutboundMessage? text, DeliveryStatus status) => new()
            {
                CampaignId = campaign.Id, ContactId = Guid.NewGuid(), Phone = "+12125550100", Status = status, DueAt = at, Text = "Hi", Segments = 1,
                OutboundMessageId = text?.Id, SentAt = text is null ? null : at,
            };
            var rows = new[] { Row(delivered, DeliveryStatus.Sent), Row(failed, DeliveryStatus.Sent), Row(inFlight, DeliveryStatus.Sent), Row(null, DeliveryStatus.Skipped) };
            db.AddRange(rows);
            await db.SaveChangesAsync();

            // Back to the schema before, and forward again: the backfill runs over these rows.
            var migrations = db.Database.GetMigrations().ToList();
            var mine = migrations.FindIndex(m => m.EndsWith("_CampaignDeliveryOwnsStatus", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[mine - 1]);
            await migrator.MigrateAsync();

            db.ChangeTracker.Clear();
            var after = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == campaign.Id).OrderBy(d => d.Id).ToListAsync();
            Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Sent, DeliveryStatus.Skipped], after.Select(d => d.Status));
            Assert.Equal(at.AddMinutes(1), after[0].DeliveredAt);
            Assert.Equal("ringcentral: DeliveryFailed (SMS-CAR-411)", after[1].Reason);
            Assert.Null(after[2].DeliveredAt);
        }
        finally
        {
            database.Delete();
        }
    }
}

public sealed class CampaignStatusBackfillTestsOnSqlite : CampaignStatusBackfillTests
{
    protected override TestDatabase NewDatabase() => SqliteTestDatabase.CreateNew();
}

[RequiresPostgres]
public sealed class CampaignStatusBackfillTestsOnPostgres : CampaignStatusBackfillTests
{
    protected override TestDatabase NewDatabase() => PostgresTestDatabase.CreateNew();
}
