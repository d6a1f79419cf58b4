using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>
/// Issue 9's hostile inputs, one by one: every refusal is a 400 problem naming the field by its
/// JSON path with the expected format, nothing is stored, and the lists keep answering.
/// </summary>
public sealed class InputHardeningTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpClient> StaffAsync() => await app.CreateClientInRoleAsync(Roles.Marketing);

    private static async Task<string> NewContactAsync(HttpClient client)
    {
        // A new number each time: the fixture's app is shared by every test here, and a number taken twice is a 409.
        var phone = TestPhones.Next().E164;
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Hostile Test", phone });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> NewLeadAsync(HttpClient client)
    {
        var contactId = await NewContactAsync(client);
        var response = await client.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "sms" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Asserts a 400 problem whose errors name <paramref name="field"/>; returns that message.</summary>
    private static async Task<string> AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors do not name {field}: {body}");
        Assert.DoesNotContain("Implicit body", body, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be converted", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        return messages[0].GetString()!;
    }

    [Fact]
    public async Task Combined_enum_values_are_refused_and_the_lists_keep_answering()
    {
        var client = await StaffAsync();
        var leadId = await NewLeadAsync(client);
        var message = await AssertFieldErrorAsync(await client.PatchAsync($"/api/v1/leads/{leadId}", Json("""{"status":"quoted,booked"}""")), "status");
        Assert.Contains("qualified", message, StringComparison.Ordinal);
        await AssertFieldErrorAsync(await client.PatchAsync($"/api/v1/leads/{leadId}", Json("""{"status":"3"}""")), "status");
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/contacts",
            Json("""{"name":"X","phone":"+12125550188","smsConsent":"optedIn,optedOut","consentSource":"web"}""")), "smsConsent");
        await AssertFieldErrorAsync(await client.GetAsync("/api/v1/leads?status=new,lost"), "status");

        var lead = await client.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{leadId}");
        Assert.Equal("new", lead.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/contacts")).StatusCode);
        // Any case of one declared name is fine.
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/api/v1/leads/{leadId}", Json("""{"status":"CONTACTED"}"""))).StatusCode);
    }

    [Fact]
    public async Task A_row_that_cannot_be_written_is_logged_and_never_answered_as_a_client_error()
    {
        await using var own = new AppFactory();
        var client = await own.CreateClientInRoleAsync(Roles.Staff);
        var marketing = await own.CreateClientInRoleAsync(Roles.Marketing);
        var leadId = await NewLeadAsync(marketing);
        // A row poisoned before this fix (stored by the old, lenient parser).
        await using (var db = await own.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Leads SET Status = 'Quoted, Booked' WHERE Id = {0}", Guid.Parse(leadId));
        }
        HttpStatusCode? status = null;
        try
        {
            using var response = await client.GetAsync("/api/v1/leads");
            status = response.StatusCode;
            _ = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException)
        {
            // Aborted mid-response: the client sees a broken response, not a valid-looking 400.
        }
        catch (IOException)
        {
        }
        catch (OperationCanceledException)
        {
            // The in-memory test server reports an aborted response this way.
        }
        Assert.True(status is null or HttpStatusCode.InternalServerError, $"answered {status}");
        Assert.Contains(SharedLoggerFactory.Captured.Errors, e => e.Contains("could not be written", StringComparison.Ordinal) && e.Contains("/api/v1/leads", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"estimatedValue":79228162514264337593543950335}""")]
    [InlineData("""{"estimatedValue":1e27}""")]
    [InlineData("""{"estimatedValue":1e400}""")]
    [InlineData("""{"estimatedValue":-1}""")]
    [InlineData("""{"estimatedValue":10.005}""")]
    [InlineData("""{"estimatedValue":"5000"}""")]
    public async Task Lead_money_out_of_bounds_is_refused_and_the_board_still_loads(string body)
    {
        var client = await StaffAsync();
        var leadId = await NewLeadAsync(client);
        await AssertFieldErrorAsync(await client.PatchAsync($"/api/v1/leads/{leadId}", Json(body)), "estimatedValue");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/leads")).StatusCode);
        var board = await app.Services.GetRequiredService<LeadService>().GetBoardAsync(new BoardFilter(), default);
        Assert.NotEmpty(board.Columns);
    }

    [Fact]
    public async Task Money_is_stored_exactly()
    {
        var client = await StaffAsync();
        var leadId = await NewLeadAsync(client);
        var response = await client.PatchAsync($"/api/v1/leads/{leadId}", Json("""{"estimatedValue":1234567.89}"""));
        await AssertFieldErrorAsync(response, "estimatedValue");
        response = await client.PatchAsync($"/api/v1/leads/{leadId}", Json("""{"estimatedValue":999999.99}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lead = await client.GetStringAsync($"/api/v1/leads/{leadId}");
        Assert.Contains("\"estimatedValue\":999999.99", lead, StringComparison.Ordinal);
        Assert.Equal(999999.99m, (await app.Services.GetRequiredService<LeadService>().GetAsync(Guid.Parse(leadId), default))!.EstimatedValue);
    }

    [Theory]
    [InlineData("eventDate", "\"2026-12-26T23:00:00Z\"", "Expected a date as YYYY-MM-DD.")]
    [InlineData("eventDate", "\"12/05/2026\"", "Expected a date as YYYY-MM-DD.")]
    [InlineData("eventDate", "\"2026-02-30\"", "Expected a date as YYYY-MM-DD.")]
    [InlineData("eventTime", "\"7pm\"", "Expected a local time as HH:mm.")]
    [InlineData("guestCount", "2.5", "Expected a whole number.")]
    [InlineData("guestCount", "\"20\"", "Expected a whole number.")]
    [InlineData("guestCount", "99999999999", "Expected a whole number.")]
    [InlineData("pricePerPerson", "1e400", null)]
    [InlineData("pricePerPerson", "1e27", null)]
    [InlineData("pricePerPerson", "\"60\"", null)]
    [InlineData("leadId", "\"nope\"", "Expected an id (a GUID).")]
    [InlineData("address", "12", "Expected a string.")]
    public async Task Booking_fields_of_the_wrong_type_or_format_are_named(string field, string value, string? expected)
    {
        var client = await app.CreateClientInRoleAsync(Roles.Staff);
        var contactId = await NewContactAsync(await StaffAsync());
        var fields = new Dictionary<string, string>
        {
            ["contactId"] = $"\"{contactId}\"", ["eventDate"] = "\"2030-06-01\"", ["guestCount"] = "20", ["pricePerPerson"] = "60",
        };
        fields[field] = value;
        var body = "{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
        var message = await AssertFieldErrorAsync(await client.PostAsync("/api/v1/bookings", Json(body)), field);
        if (expected is not null)
        {
            Assert.Equal(expected, message);
        }
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings?from=2030-06-01&to=2030-06-01")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Deposits_cancel_reasons_replies_and_the_token_endpoint_name_their_fields()
    {
        var client = await app.CreateClientInRoleAsync(Roles.Staff);
        var contactId = await NewContactAsync(await StaffAsync());
        var created = await client.PostAsJsonAsync("/api/v1/bookings", new { contactId, eventDate = "2030-07-01", guestCount = 20, pricePerPerson = 60 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await AssertFieldErrorAsync(await client.PostAsync($"/api/v1/bookings/{id}/deposit", Json("""{"amount":1e30}""")), "amount");
        await AssertFieldErrorAsync(await client.PostAsync($"/api/v1/bookings/{id}/deposit", Json("""{"amount":"200"}""")), "amount");
        await AssertFieldErrorAsync(await client.PostAsync($"/api/v1/bookings/{id}/cancel", Json("""{"reason":5}""")), "reason");
        await AssertFieldErrorAsync(await client.PostAsync($"/api/v1/bookings/{id}/cancel", Json($$"""{"reason":"{{new string('r', 501)}}"}""")), "reason");
        await AssertFieldErrorAsync(await client.PostAsync($"/api/v1/admin/social/threads/{Guid.NewGuid()}/reply", Json("""{"text":5}""")), "text");
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/auth/token", Json("""{"email":5,"password":"x"}""")), "email");
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/bookings", Json("")), "body");
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/bookings", Json("null")), "body");
        var malformed = await client.PostAsync("/api/v1/bookings", Json("""{"guestCount": 2"""));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_fields_of_the_wrong_type_are_named_not_called_invalid_json()
    {
        var client = await StaffAsync();
        Assert.Equal("Expected a string.", await AssertFieldErrorAsync(await client.PostAsync("/api/v1/contacts", Json("""{"name":5,"phone":"+12125550190"}""")), "name"));
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/contacts", Json("""{"name":"A","phone":2125550190}""")), "phone");
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/contacts", Json("""{"name":"A","phone":"+12125550190","tags":"vip"}""")), "tags");
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/contacts", Json("""{"name":"A","phone":"+12125550190","smsConsent":1}""")), "smsConsent");
    }

    [Fact]
    public async Task Every_text_field_has_a_limit_named_in_the_400()
    {
        var client = await StaffAsync();
        var contactId = await NewContactAsync(client);
        var leadId = await NewLeadAsync(client);
        Assert.Equal("At most 10 characters.",
            await AssertFieldErrorAsync(await client.PatchAsync($"/api/v1/contacts/{contactId}", Json($$"""{"zip":"{{new string('9', 100_000)}}"}""")), "zip"));
        await AssertFieldErrorAsync(await client.PatchAsync($"/api/v1/contacts/{contactId}",
            Json($$"""{"smsConsent":"optedIn","consentSource":"{{new string('s', 5_000)}}"}""")), "consentSource");
        await AssertFieldErrorAsync(await client.PatchAsync($"/api/v1/leads/{leadId}", Json($$"""{"zip":"{{new string('1', 250_000)}}"}""")), "zip");
        await AssertFieldErrorAsync(await client.PatchAsync($"/api/v1/leads/{leadId}", Json($$"""{"occasion":"{{new string('o', 101)}}"}""")), "occasion");
        var contact = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contactId}");
        Assert.False(contact.TryGetProperty("zip", out _));
    }

    [Theory]
    [InlineData("/api/v1/leads?page=20000000", "page")]
    [InlineData("/api/v1/leads?page=99999999999", "page")]
    [InlineData("/api/v1/contacts?page=abc", "page")]
    [InlineData("/api/v1/bookings?pageSize=201", "pageSize")]
    [InlineData("/api/v1/bookings?from=12/05/2026", "from")]
    public async Task Paging_and_query_values_out_of_range_are_a_400_naming_them(string url, string field)
    {
        var client = await StaffAsync();
        await AssertFieldErrorAsync(await client.GetAsync(url), field);
    }

    /// <summary>
    /// Optional typed query values that do not parse: the build-time binder answers them with a bare 400, and
    /// UnparsedQueryValues names the value in the words every bad value gets (a whole number, true or false, an id).
    /// </summary>
    [Theory]
    [InlineData("/api/v1/leads?pageSize=ten", "pageSize", "Expected a whole number.")]
    [InlineData("/api/v1/leads?contactId=not-an-id", "contactId", "Expected an id (a GUID).")]
    [InlineData("/api/v1/alerts?unread=maybe", "unread", "Expected true or false.")]
    [InlineData("/api/v1/qr-codes/analytics?qrCodeId=1&includeBots=yes", "qrCodeId", "Expected an id (a GUID).")]
    public async Task Optional_query_values_that_do_not_parse_are_a_400_naming_them(string url, string field, string expected)
    {
        var client = await app.CreateAdminClientAsync();
        Assert.Equal(expected, await AssertFieldErrorAsync(await client.GetAsync(url), field));
    }
}
