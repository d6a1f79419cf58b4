using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Payments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Leads;

/// <summary>
/// Issue 25: a quote starts straight from a lead. "Quote" on the lead uses its live booking or requests one from the lead's
/// facts, and opens the booking page with the quote editor open; a lead without a date ahead or guests asks for them first.
/// </summary>
public sealed class QuoteFromLeadTests : MudTestContext
{
    private readonly FrozenAppFactory _app = new();
    private static readonly Actor Staff = new("staff@test.local");

    protected override async ValueTask DisposeResourcesAsync() => await _app.DisposeAsync();

    private async Task<Guid> LeadAsync(DateOnly? date, int? guests)
    {
        var phone = TestPhones.Next("718");
        var contact = (await _app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(phone.Typed, "Quinn Quote", default))!.Value.Contact.Id;
        var created = await _app.Services.GetRequiredService<LeadService>().CreateAsync(
            new NewLead(contact, LeadSource.Instagram, date, guests, "11215", "Park Slope, Brooklyn", "Birthday", Notes: "Nut allergy at the table"), LeadStatus.Qualified, null, Staff, default);
        return created.Lead!.Id;
    }

    private ILeadBookings LeadBookings => _app.Services.GetRequiredService<ILeadBookings>();

    [Fact]
    public async Task Quoting_a_lead_with_a_date_and_guests_requests_its_booking_once_from_the_leads_facts()
    {
        var lead = await LeadAsync(new DateOnly(2026, 12, 19), 24);
        var first = await LeadBookings.StartQuoteAsync(lead, Staff, default);
        var again = await LeadBookings.StartQuoteAsync(lead, Staff, default);
        Assert.NotNull(first);
        Assert.Equal(first, again);
        var row = (await _app.Services.GetRequiredService<BookingService>().GetAsync(first!.Value, default))!;
        Assert.Equal((BookingStatus.Requested, lead, new DateOnly(2026, 12, 19), 24, 60m, "11215", "Park Slope, Brooklyn"),
            (row.Status, row.LeadId!.Value, row.EventDate, row.GuestCount, row.PricePerPerson, row.Zip, row.Address));
        Assert.Equal("Birthday. Nut allergy at the table", row.Notes);
        Assert.Equal($"bookings/{first}?quote=open", LeadBookings.QuotePath(first.Value));
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData("2026-12-19", null)]
    [InlineData("2026-11-20", 20)] // the date has passed
    public async Task A_lead_missing_a_date_ahead_or_guests_gets_no_booking_behind_its_back(string? date, int? guests)
    {
        var lead = await LeadAsync(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), guests);
        Assert.Null(await LeadBookings.StartQuoteAsync(lead, Staff, default));
        Assert.Empty(await LeadBookings.ForLeadsAsync([lead], default));
    }

    [Fact]
    public async Task The_Quote_button_opens_the_booking_page_with_the_quote_editor_open()
    {
        var lead = await LeadAsync(new DateOnly(2026, 12, 19), 24);
        using var scope = _app.Services.CreateScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<LeadDetail>(p => p.Add(c => c.LeadId, lead));
        cut.WaitForElement("[data-testid=quote-lead]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/bookings/", navigation.Uri, StringComparison.Ordinal));
        var booking = Assert.Single(await LeadBookings.ForLeadsAsync([lead], default)).Value;
        Assert.EndsWith($"/bookings/{booking.Id}?quote=open", navigation.Uri, StringComparison.Ordinal);

        // The booking page's money panel, reached by that address, has its quote editor open; reached plainly, closed.
        var panel = Render<BookingMoneyPanel>(p => p.Add(c => c.BookingId, booking.Id).Add(c => c.BookingVersion, 1));
        panel.WaitForAssertion(() => Assert.Contains("mud-panel-expanded", panel.Find("[data-testid=quote-editor]").ClassList));
        navigation.NavigateTo($"bookings/{booking.Id}");
        var closed = Render<BookingMoneyPanel>(p => p.Add(c => c.BookingId, booking.Id).Add(c => c.BookingVersion, 1));
        closed.WaitForElement("[data-testid=quote-editor]");
        Assert.DoesNotContain("mud-panel-expanded", closed.Find("[data-testid=quote-editor]").ClassList);
    }
}
