using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings.Chefs;

/// <summary>
/// One app on the frozen clock (Tuesday 2026-11-24, 10:00 in New York) with jobs run by hand, shared by a test class:
/// each test makes its own chefs and customers, so tests never meet.
/// </summary>
public sealed class ChefTestApp : IAsyncLifetime
{
    public AppFactory App { get; } = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");
    public HttpClient Admin { get; private set; } = default!;
    public HttpClient Staff { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Admin = await App.CreateAdminClientAsync();
        Staff = await App.CreateClientInRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<(string Id, TestPhone Phone)> ChefAsync(string name, params string[] daysOff)
    {
        var phone = TestPhones.Next();
        var response = await Admin.PostAsJsonAsync("/api/v1/chefs", new { name, phone = phone.Typed, homeZip = "10001", daysOff });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, phone);
    }

    /// <summary>A requested booking for a new customer called <paramref name="customer"/>; <paramref name="time"/> is local (HH:mm) or none (17:00).</summary>
    public async Task<string> BookingAsync(string customer, string date, string? time)
    {
        var contacts = App.Services.GetRequiredService<ContactService>();
        var contact = (await contacts.FindOrCreateByPhoneAsync(TestPhones.Next().E164, customer, default))!.Value.Contact;
        var response = await Staff.PostAsJsonAsync("/api/v1/bookings", new { contactId = contact.Id, eventDate = date, eventTime = time, guestCount = 12, pricePerPerson = 60, address = "1 Main St", zip = "10001" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> AssignAsync(string bookingId, string chefId) =>
        Staff.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/chefs", new { chefId });

    public async Task<string[]> ChefIdsAsync(string bookingId) =>
        (await Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}")).GetProperty("chefIds").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public async Task<int> EventCountAsync(string bookingId) =>
        (await Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}/events")).GetArrayLength();

    public static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    public BookingService Bookings => App.Services.GetRequiredService<BookingService>();

    public static readonly Actor Actor = new("chef-tests");
}
