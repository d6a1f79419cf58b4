using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;

namespace HibachiAdmin.Tests.Features.Leads;

/// <summary>Runs on both providers: <see cref="LeadsApiTestsOnSqlite"/> and <see cref="LeadsApiTestsOnPostgres"/>.</summary>
public abstract class LeadsApiTests<TApp>(TApp factory) : IClassFixture<TApp>
    where TApp : AppFactory, new()
{
    private async Task<(HttpClient Client, string ContactId)> ClientWithContactAsync()
    {
        var client = await factory.CreateClientInRoleAsync(Roles.Marketing);
        var phone = TestPhones.Next("646");
        var contact = await (await client.PostAsJsonAsync("/api/v1/contacts", new { name = $"Lead Person {phone.Line}", phone = phone.Typed }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return (client, contact.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Create_returns_201_with_camelCase_enums_and_accepts_any_case_input()
    {
        var (client, contactId) = await ClientWithContactAsync();
        var response = await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "QRCODE", eventDate = "2026-12-05", guestCount = 24, occasion = "Birthday", estimatedValue = 1440 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lead = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("qrCode", lead.GetProperty("source").GetString());
        Assert.Equal("new", lead.GetProperty("status").GetString());
        Assert.Equal("2026-12-05", lead.GetProperty("eventDate").GetString());
        Assert.Equal(24, lead.GetProperty("guestCount").GetInt32());
        Assert.Equal($"/api/v1/leads/{lead.GetProperty("id").GetString()}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Invalid_enum_and_bad_fields_are_400_problems()
    {
        var (client, contactId) = await ClientWithContactAsync();
        var badSource = await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "carrierPigeon" });
        Assert.Equal(HttpStatusCode.BadRequest, badSource.StatusCode);
        Assert.Contains("source", (await badSource.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var numericEnum = await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, numericEnum.StatusCode);
        var guests = await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "sms", guestCount = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, guests.StatusCode);
        var unknownContact = await client.PostAsJsonAsync("/api/v1/leads", new { contactId = Guid.NewGuid(), source = "sms" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownContact.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/leads?status=maybe")).StatusCode);
    }

    [Fact]
    public async Task A_contact_has_at_most_one_open_lead()
    {
        var (client, contactId) = await ClientWithContactAsync();
        var first = await (await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "sms" })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "phone" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetString(), problem.GetProperty("existingLeadId").GetString());
    }

    [Fact]
    public async Task Moving_to_lost_needs_a_reason_and_every_move_is_in_the_history()
    {
        var (client, contactId) = await ClientWithContactAsync();
        var lead = await (await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "instagram" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = lead.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { status = "qualified" })).StatusCode);
        var noReason = await client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { status = "lost" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var lost = await (await client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { status = "Lost", lostReason = "Price" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("lost", lost.GetProperty("status").GetString());
        Assert.Equal("Price", lost.GetProperty("lostReason").GetString());

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{id}/history");
        Assert.Equal(["new", "qualified", "lost"], history.EnumerateArray().Select(h => h.GetProperty("to").GetString()!).ToArray());
    }

    [Fact]
    public async Task Patch_keeps_absent_fields_and_list_filters_by_status()
    {
        var (client, contactId) = await ClientWithContactAsync();
        var lead = await (await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "website", guestCount = 30, notes = "Backyard" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = lead.GetProperty("id").GetString();
        var patched = await (await client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { status = "quoted", estimatedValue = 1800 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, patched.GetProperty("guestCount").GetInt32());
        Assert.Equal("Backyard", patched.GetProperty("notes").GetString());
        var quoted = await client.GetFromJsonAsync<JsonElement>("/api/v1/leads?status=quoted&pageSize=200");
        Assert.Contains(id, quoted.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.All(quoted.GetProperty("items").EnumerateArray(), i => Assert.Equal("quoted", i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/leads", new { })).StatusCode);
    }
}

public sealed class LeadsApiTestsOnSqlite(AppFactory factory) : LeadsApiTests<AppFactory>(factory);

[RequiresPostgres]
public sealed class LeadsApiTestsOnPostgres(PostgresAppFactory factory) : LeadsApiTests<PostgresAppFactory>(factory);
