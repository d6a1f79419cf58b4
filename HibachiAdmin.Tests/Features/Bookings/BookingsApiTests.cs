using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>Runs on both providers: <see cref="BookingsApiTestsOnSqlite"/> and <see cref="BookingsApiTestsOnPostgres"/>.</summary>
public abstract class BookingsApiTests<TApp> : IAsyncLifetime
    where TApp : AppFactory, new()
{
    // Jobs run by hand (Hangfire:ProcessJobs=false): no background dispatcher holds a lease the test must wait out.
    private readonly TApp _app = NewApp();

    private static TApp NewApp()
    {
        var app = new TApp { Time = TestClock.Frozen() };
        app.With("Hangfire:ProcessJobs", "false");
        return app;
    }
    private HttpClient _client = default!;

    public async Task InitializeAsync() => _client = await _app.CreateClientInRoleAsync(Roles.Staff);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Dispatches until the outbox is empty; nothing else dispatches, so a pass that claims nothing while rows wait is a failure.</summary>
    private async Task DispatchAllAsync()
    {
        var dispatcher = _app.Services.GetRequiredService<OutboxDispatcher>();
        while ((await dispatcher.DispatchBatchAsync(100, default)).Claimed > 0)
        {
        }
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var left = await db.Set<OutboxEntry>().Where(o => o.DispatchedAt == null).Select(o => $"{o.EventType} attempts={o.Attempts} dead={o.DeadLettered} {o.LastError}").ToListAsync();
        Assert.True(left.Count == 0, "Outbox rows left undelivered: " + string.Join("; ", left));
    }

    private async Task<(string ContactId, string LeadId)> ContactWithLeadAsync()
    {
        var marketing = await _app.CreateClientInRoleAsync(Roles.Marketing);
        var contact = await (await marketing.PostAsJsonAsync("/api/v1/contacts", new { name = "Booking Guest", phone = "(212) 555-0161" })).Content.ReadFromJsonAsync<JsonElement>();
        var contactId = contact.GetProperty("id").GetString()!;
        var lead = await (await _client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "referral" })).Content.ReadFromJsonAsync<JsonElement>();
        return (contactId, lead.GetProperty("id").GetString()!);
    }

    private async Task<string> CreateAsync(string contactId, string? leadId = null)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/bookings", new { contactId, leadId, eventDate = "2026-12-12", guestCount = 20, pricePerPerson = 60 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_lifecycle_is_recorded_as_an_ordered_event_stream()
    {
        var (contactId, leadId) = await ContactWithLeadAsync();
        var id = await CreateAsync(contactId, leadId);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync($"/api/v1/bookings/{id}/deposit", new { amount = 200 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/api/v1/bookings/{id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { eventDate = "2026-11-24" })).StatusCode); // today: a party is marked done on its day or after
        var completed = await (await _client.PostAsync($"/api/v1/bookings/{id}/complete", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal("2026-11-24", completed.GetProperty("eventDate").GetString());
        Assert.Equal(200, completed.GetProperty("depositPaid").GetDecimal());

        var events = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}/events");
        Assert.Equal(new[] { BookingEventTypes.Requested, BookingEventTypes.Deposit, BookingEventTypes.Confirmed, BookingEventTypes.Rescheduled, BookingEventTypes.Completed },
            events.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, events.EnumerateArray().Select(e => e.GetProperty("version").GetInt32()).ToArray());
    }

    [Fact]
    public async Task Invalid_commands_are_400_and_state_conflicts_409_with_nothing_appended()
    {
        var (contactId, _) = await ContactWithLeadAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/v1/bookings", new { contactId, eventDate = "2026-12-12", guestCount = 201, pricePerPerson = 60 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/v1/bookings", new { contactId, eventDate = "2026-11-01", guestCount = 20, pricePerPerson = 60 })).StatusCode);
        var id = await CreateAsync(contactId);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync($"/api/v1/bookings/{id}/deposit", new { amount = 5000 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Rain", leadOutcome = "lost" })).StatusCode);
        var confirm = await _client.PostAsync($"/api/v1/bookings/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Equal("application/problem+json", confirm.Content.Headers.ContentType?.MediaType);
        var events = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}/events");
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync($"/api/v1/bookings/{Guid.NewGuid()}/confirm", null)).StatusCode);
    }

    [Fact]
    public async Task A_lead_that_is_not_the_customers_is_refused_naming_leadId()
    {
        var (contactId, _) = await ContactWithLeadAsync();
        var marketing = await _app.CreateClientInRoleAsync(Roles.Marketing);
        var other = await (await marketing.PostAsJsonAsync("/api/v1/contacts", new { name = "Someone Else", phone = "(212) 555-0162" })).Content.ReadFromJsonAsync<JsonElement>();
        var othersLead = await (await _client.PostAsJsonAsync("/api/v1/leads", new { contactId = other.GetProperty("id").GetString(), source = "sms" })).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var leadId in new[] { othersLead.GetProperty("id").GetString(), Guid.NewGuid().ToString() })
        {
            var response = await _client.PostAsJsonAsync("/api/v1/bookings", new { contactId, leadId, eventDate = "2026-12-12", guestCount = 20, pricePerPerson = 60 });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("leadId", out _));
        }
    }

    [Fact]
    public async Task Concurrent_writers_to_one_booking_one_wins_the_other_gets_a_conflict()
    {
        var (contactId, _) = await ContactWithLeadAsync();
        var id = Guid.Parse(await CreateAsync(contactId));
        var service = _app.Services.GetRequiredService<BookingService>();
        // Both decide on version 1 (each has read the stream when it signals); only one append can become version 2.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var decided = new CountdownEvent(2);
        async Task<CommandResult> Deposit() => await service.ExecuteAsync(id, b =>
        {
            decided.Signal();
            Assert.True(gate.Task.Wait(TimeSpan.FromSeconds(30)), "the gate was never opened");
            return b.RecordDeposit(100);
        }, HibachiAdmin.Common.Actor.System, default);
        var first = Task.Run(Deposit);
        var second = Task.Run(Deposit);
        Assert.True(await Task.Run(() => decided.Wait(TimeSpan.FromSeconds(30))), "both writers did not reach their decision within 30 s");
        gate.SetResult();
        var results = await Task.WhenAll(first, second);
        Assert.Single(results, r => r.Booking is not null);
        Assert.Single(results, r => r.Conflict is not null);
        Assert.Equal(2, (await service.EventsAsync(id, default)).Count);
    }

    [Fact]
    public async Task Confirming_books_the_lead_and_texts_once_and_replay_rebuilds_identical_rows()
    {
        var (contactId, leadId) = await ContactWithLeadAsync();
        var id = await CreateAsync(contactId, leadId);
        await _client.PostAsync($"/api/v1/bookings/{id}/confirm", null);
        await DispatchAllAsync();

        var lead = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{leadId}");
        Assert.Equal("booked", lead.GetProperty("status").GetString());
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Set<OutboundMessage>().CountAsync(m => m.CorrelationId == $"booking-confirmation:{id}"));
        }

        var before = await _client.GetStringAsync($"/api/v1/bookings/{id}");
        var admin = await _app.CreateAdminClientAsync();
        var replay = await (await admin.PostAsync("/api/v1/admin/events/replay", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, replay.GetProperty("bookings").GetInt32());
        Assert.Equal(before, await _client.GetStringAsync($"/api/v1/bookings/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.PostAsync("/api/v1/admin/events/replay", null)).StatusCode);
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Set<OutboundMessage>().CountAsync(m => m.CorrelationId == $"booking-confirmation:{id}"));
        }
    }
}

public sealed class BookingsApiTestsOnSqlite : BookingsApiTests<AppFactory>;

[RequiresPostgres]
public sealed class BookingsApiTestsOnPostgres : BookingsApiTests<PostgresAppFactory>;
