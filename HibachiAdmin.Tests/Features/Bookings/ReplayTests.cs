using System.Data.Common;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>Replay rebuilds the booking read model from the event store alone: every column, byte for byte.</summary>
public sealed class ReplayTests
{
    /// <summary>Every column of every booking row, as the database stores it.</summary>
    private static async Task<List<string>> DumpAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT * FROM "BookingRows" ORDER BY "Id" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
        }
        return rows;
    }

    [Fact]
    public async Task Replay_restores_deleted_and_corrupted_rows_to_exactly_what_the_live_projection_wrote()
    {
        // The clock moves on every read, as a real one does: the live projection and the event must agree on time.
        var time = TestClock.Frozen();
        time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(7);
        await using var app = new AppFactory { Time = time }.With("Hangfire:ProcessJobs", "false");
        var contacts = app.Services.GetRequiredService<ContactService>();
        var bookings = app.Services.GetRequiredService<BookingService>();
        var actor = new Actor("replay-test");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var contact = (await contacts.FindOrCreateByPhoneAsync($"+1212555{2100 + i:D4}", $"Guest {i}", default))!.Value.Contact;
            var created = await bookings.RequestAsync(new BookingRequested(contact.Id, null, new DateOnly(2026, 12, 10 + i), new TimeOnly(18, 30), 12 + i, 59.99m,
                $"{i} Main St", "10001", "Classic", "No shellfish"), actor, default);
            var id = created.Booking!.Id;
            ids.Add(id);
            Assert.Null((await bookings.DepositAsync(id, 150.25m, actor, default)).Invalid);
            if (i > 0)
            {
                Assert.Null((await bookings.ConfirmAsync(id, actor, default)).Invalid);
            }
            if (i > 1)
            {
                Assert.Null((await bookings.RescheduleAsync(id, new DateOnly(2026, 12, 20 + i), null, actor, default)).Invalid);
            }
            if (i == 3)
            {
                Assert.Null((await bookings.CancelAsync(id, "Weather", null, actor, default)).Invalid);
            }
        }
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        List<string> live;
        await using (var db = await factory.CreateDbContextAsync())
        {
            live = await DumpAsync(db);
            Assert.Equal(4, live.Count);
            // Break the read model: one row gone, one with wrong money and status and times.
            await db.Set<BookingRow>().Where(r => r.Id == ids[1]).ExecuteDeleteAsync();
            await db.Set<BookingRow>().Where(r => r.Id == ids[2]).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Total, 1m).SetProperty(r => r.Status, BookingStatus.Cancelled)
                .SetProperty(r => r.CreatedAt, DateTime.UnixEpoch).SetProperty(r => r.UpdatedAt, DateTime.UnixEpoch));
            Assert.NotEqual(live, await DumpAsync(db));
        }

        var (streams, events) = await BookingProjection.ReplayAsync(factory, default);

        Assert.Equal(4, streams);
        Assert.Equal(4 + 4 + 3 + 2 + 1, events); // requested, deposits, confirmations, reschedules, cancellation
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(live, await DumpAsync(db));
        }
    }
}
