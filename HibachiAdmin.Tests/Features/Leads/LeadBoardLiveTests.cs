using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Tests.Components;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Leads;

/// <summary>An open board follows the booking saga: confirming a lead's booking moves its card to Booked, with the booking on it, without a reload.</summary>
public sealed class LeadBoardLiveTests : MudTestContext
{
    private readonly AppFactory _app = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");
    private readonly IServiceScope _scope;

    public LeadBoardLiveTests()
    {
        _scope = _app.Services.CreateScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task Confirming_the_booking_moves_the_card_to_Booked_on_an_open_board()
    {
        var contact = (await _app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("(718) 555-0142", "Ava Miller", default))!.Value.Contact.Id;
        var lead = (await _app.Services.GetRequiredService<LeadService>().CreateAsync(new NewLead(contact, LeadSource.Instagram, new DateOnly(2026, 12, 12), 22), LeadStatus.Quoted, null, Actor.System, default)).Lead!.Id;
        var cut = Render<LeadBoardPage>();
        cut.WaitForAssertion(() => cut.Find($"[data-testid=lead-column-quoted] [data-testid=lead-card-{lead}]"));

        var bookings = _app.Services.GetRequiredService<BookingService>();
        var booking = (await bookings.RequestAsync(new BookingRequested(contact, lead, new DateOnly(2026, 12, 12), new TimeOnly(18, 0), 22, 60m, null, "11215", null, null), Actor.System, default)).Booking!.Id;
        await bookings.ConfirmAsync(booking, Actor.System, default);
        await Pipeline.RunToCompletionAsync(_app.Services); // the saga, from the outbox
        Assert.Equal(LeadStatus.Booked, (await _app.Services.GetRequiredService<LeadService>().GetDtoAsync(lead, default))!.Status);

        cut.WaitForAssertion(() =>
        {
            cut.Find($"[data-testid=lead-column-booked] [data-testid=lead-card-{lead}]");
            Assert.Contains("Booking confirmed", cut.Find($"[data-testid=lead-booking-{lead}]").TextContent);
        });
        Assert.Empty(cut.FindAll($"[data-testid=lead-column-quoted] [data-testid=lead-card-{lead}]"));
    }

    protected override ValueTask DisposeResourcesAsync()
    {
        _scope.Dispose();
        return _app.DisposeAsync();
    }
}
