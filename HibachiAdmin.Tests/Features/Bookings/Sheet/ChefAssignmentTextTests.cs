using System.Net;
using HibachiAdmin.Features.Bookings.Sheet;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Bookings.Chefs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings.Sheet;

/// <summary>An assignment texts the chef their sheet link once, through the outbox and the SMS service (consent and quiet hours).</summary>
public sealed class ChefAssignmentTextTests(ChefTestApp t) : IClassFixture<ChefTestApp>
{
    [Fact]
    public async Task An_assignment_texts_the_chef_the_sheet_link_exactly_once_however_often_the_work_runs()
    {
        var (chef, phone) = await t.ChefAsync("Tara Texted");
        var party = await t.BookingAsync("Vic Host", "2026-12-12", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, chef)).StatusCode);
        await SheetTestKit.TextChefsAsync(t.App.Services);
        await SheetTestKit.TextChefsAsync(t.App.Services);

        // The outbox delivers the same event again (a retry after a crash): still one notice, one text.
        await using (var db = await t.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var entry = await db.Set<OutboxEntry>().AsNoTracking().SingleAsync(o => o.StreamId == Guid.Parse(party) && o.EventType == HibachiAdmin.Features.Bookings.BookingEventTypes.ChefAssigned);
            var handler = t.App.Services.GetServices<IEventHandler>().OfType<ChefAssignmentTexts>().Single();
            await handler.HandleAsync(entry, db, default);
            await db.SaveChangesAsync();
        }
        await SheetTestKit.TextChefsAsync(t.App.Services);

        var text = Assert.Single(await SheetTestKit.TextsToAsync(t.App.Services, phone.E164));
        Assert.Contains("Vic's party on Sat, Dec 12 at 6:00 PM, 12 guests", text.Text);
        Assert.Single(await SheetTestKit.NoticesAsync(t.App.Services, Guid.Parse(party)));
        var anonymous = t.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(SheetTestKit.LinkPath(text.Text))).StatusCode);
    }

    [Fact]
    public async Task A_chef_who_texted_stop_gets_no_assignment_text()
    {
        var (chef, phone) = await t.ChefAsync("Uli Stopped");
        var person = await PersonConsent.CreateAsync(t.App.Services, new CreateContactRequest("Uli Stopped", phone.Typed));
        await PersonConsent.SetAsync(t.App.Services, person.Contact!.Id, SmsConsent.OptedOut);
        var party = await t.BookingAsync("Wes Host", "2026-12-13", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, chef)).StatusCode);
        await SheetTestKit.TextChefsAsync(t.App.Services);

        Assert.Empty(await SheetTestKit.TextsToAsync(t.App.Services, phone.E164));
        var notice = Assert.Single(await SheetTestKit.NoticesAsync(t.App.Services, Guid.Parse(party)));
        Assert.Equal(HibachiAdmin.Features.Bookings.ScheduledStatus.Refused, notice.Status);
        Assert.Equal("optedOut", notice.Outcome);
    }

    [Fact]
    public async Task A_chef_taken_off_before_the_text_is_due_is_not_texted()
    {
        var (chef, phone) = await t.ChefAsync("Xia Removed");
        var party = await t.BookingAsync("Yan Host", "2026-12-14", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, chef)).StatusCode);
        await Pipeline.RunToCompletionAsync(t.App.Services); // the notice is written, not yet sent
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.DeleteAsync($"/api/v1/bookings/{party}/chefs/{chef}")).StatusCode);
        await SheetTestKit.TextChefsAsync(t.App.Services);

        Assert.Empty(await SheetTestKit.TextsToAsync(t.App.Services, phone.E164));
        Assert.Equal("chef taken off the party", Assert.Single(await SheetTestKit.NoticesAsync(t.App.Services, Guid.Parse(party))).Outcome);
    }
}
