using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Chefs;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Calendar;

/// <summary>Customers and parties for the calendar suites, made through the app's own services.</summary>
internal static class CalendarTestKit
{
    public static async Task<(Guid Id, TestPhone Phone)> CustomerAsync(this AppFactory app, string name, SmsConsent consent = SmsConsent.OptedIn)
    {
        var phone = TestPhones.Next();
        var contact = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(phone.Typed, name, default))!.Value.Contact;
        if (consent != SmsConsent.None)
        {
            await PersonConsent.SetAsync(app.Services, contact.Id, consent);
        }
        return (contact.Id, phone);
    }

    public static async Task<Guid> ChefAsync(this AppFactory app, string name, bool active = true)
    {
        var result = await app.Services.GetRequiredService<ChefService>().CreateAsync(new ChefInput(name, TestPhones.Next().Typed, "10001", Active: active), default);
        return result.Chef?.Id ?? throw new InvalidOperationException(result.Conflict);
    }

    public static async Task AssignAsync(this AppFactory app, Guid bookingId, Guid chefId)
    {
        var result = await app.Services.GetRequiredService<BookingService>().AssignChefAsync(bookingId, chefId, null, Actor.System, default);
        Assert.True(result.Booking is not null, result.Invalid ?? result.Conflict);
    }

    public static async Task<BookingRow> PartyAsync(this AppFactory app, Guid contactId, DateOnly date, TimeOnly? time, int guests = 20, string? address = "12 Harbor Rd, Stamford, CT", string? zip = "06902")
    {
        var result = await app.Services.GetRequiredService<BookingService>()
            .RequestAsync(new BookingRequested(contactId, null, date, time, guests, 60m, address, zip, "Classic", null), Actor.System, default);
        return result.Booking ?? throw new InvalidOperationException(result.Invalid ?? result.Conflict);
    }
}
