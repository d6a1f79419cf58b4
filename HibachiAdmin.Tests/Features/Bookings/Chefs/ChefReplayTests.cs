using System.Net;
using System.Net.Http.Json;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings.Chefs;

/// <summary>The chefs on a party are a projection of ChefAssigned/ChefUnassigned: replay rebuilds them from the events alone.</summary>
public sealed class ChefReplayTests(ChefTestApp t) : IClassFixture<ChefTestApp>
{
    [Fact]
    public async Task Replay_rebuilds_the_chefs_of_every_party_after_the_rows_were_lost_or_corrupted()
    {
        var (a, _) = await t.ChefAsync("Lou Replay");
        var (b, _) = await t.ChefAsync("Mo Replay");
        var party = await t.BookingAsync("Ned Host", "2026-12-07", "12:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, a)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, b)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.DeleteAsync($"/api/v1/bookings/{party}/chefs/{a}")).StatusCode);
        Assert.Equal([b], await t.ChefIdsAsync(party));

        await using (var db = await t.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<BookingChef>().ExecuteDeleteAsync();
            db.Add(new BookingChef { BookingId = Guid.Parse(party), ChefId = Guid.Parse(a), ChefName = "stale", AssignedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        Assert.Equal([a], await t.ChefIdsAsync(party));

        Assert.Equal(HttpStatusCode.OK, (await t.Admin.PostAsync("/api/v1/admin/events/replay", null)).StatusCode);
        Assert.Equal([b], await t.ChefIdsAsync(party));
    }
}
