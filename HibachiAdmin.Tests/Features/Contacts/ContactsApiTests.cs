using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>Runs on both providers: <see cref="ContactsApiTestsOnSqlite"/> and <see cref="ContactsApiTestsOnPostgres"/>.</summary>
public abstract class ContactsApiTests<TApp>(TApp factory) : IClassFixture<TApp>
    where TApp : AppFactory, new()
{
    /// <summary>A number no other test uses, in one of several area codes.</summary>
    private static (string Input, string E164) NewPhone()
    {
        var phone = TestPhones.Next("212", "305", "405", "718", "646", "917");
        return (phone.Typed, phone.E164);
    }

    [Theory]
    [InlineData("(212) 555-0147")]
    [InlineData("212.555.0147")]
    [InlineData("+1 212 555 0147")]
    [InlineData("2125550147")]
    public async Task Create_accepts_common_phone_formats_and_returns_E164(string format)
    {
        await using var app = new TApp();
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Maria Garcia", phone = format, tags = new[] { " VIP ", "wedding" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("+12125550147", json.GetProperty("phone").GetString());
        Assert.Equal("NY", json.GetProperty("state").GetString());
        Assert.Equal("none", json.GetProperty("smsConsent").GetString());
        Assert.Equal(new[] { "vip", "wedding" }, json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Contains("America/New_York", json.GetProperty("timeZones").EnumerateArray().Select(t => t.GetString()));
        Assert.EndsWith($"/api/v1/contacts/{json.GetProperty("id").GetString()}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Invalid_phone_is_a_400_with_a_phone_field_error()
    {
        var client = await factory.CreateClientInRoleAsync(Roles.Marketing);
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { name = "X", phone = "555-12" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task A_phone_already_used_is_a_409()
    {
        var client = await factory.CreateClientInRoleAsync(Roles.Marketing);
        var (input, e164) = NewPhone();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/contacts", new { name = "A", phone = input })).StatusCode);
        var second = await client.PostAsJsonAsync("/api/v1/contacts", new { name = "B", phone = e164 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Setting_consent_needs_a_source_and_writes_the_ledger()
    {
        var client = await factory.CreateClientInRoleAsync(Roles.Marketing);
        var created = await (await client.PostAsJsonAsync("/api/v1/contacts", new { name = "C", phone = NewPhone().Input })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        var noSource = await client.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { smsConsent = "optedIn" });
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        var still = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}");
        Assert.Equal("none", still.GetProperty("smsConsent").GetString());

        var withSource = await client.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { smsConsent = "OPTEDIN", consentSource = "paper-form", consentEvidence = "signed at tasting 11/20" });
        Assert.Equal(HttpStatusCode.OK, withSource.StatusCode);
        // Staff can only ask: the person confirms from their phone.
        Assert.Equal("pendingConfirmation", (await withSource.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("smsConsent").GetString());

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}/consent-history");
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal("none", entry.GetProperty("from").GetString());
        Assert.Equal("pendingConfirmation", entry.GetProperty("to").GetString());
        Assert.Equal("paper-form", entry.GetProperty("source").GetString());
        Assert.Equal("signed at tasting 11/20", entry.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_present()
    {
        var client = await factory.CreateClientInRoleAsync(Roles.Manager);
        var created = await (await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Dana", phone = NewPhone().Input, email = "dana@example.com" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var patched = await (await client.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { name = "Dana Reyes" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dana Reyes", patched.GetProperty("name").GetString());
        Assert.Equal("dana@example.com", patched.GetProperty("email").GetString());
        Assert.Equal(created.GetProperty("phone").GetString(), patched.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Staff_can_read_but_not_create_and_anonymous_gets_401()
    {
        var staff = await factory.CreateClientInRoleAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/contacts", new { name = "X", phone = NewPhone().Input })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/contacts")).StatusCode);
    }

    [Fact]
    public async Task List_pages_filters_and_caps_page_size()
    {
        await using var app = new TApp();
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/contacts", new { name = $"Guest {i}", phone = $"(305) 555-01{i:D2}", tags = i % 2 == 0 ? new[] { "vip" } : [] });
        }
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts?page=2&pageSize=2");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var vip = await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts?tag=VIP");
        Assert.Equal(3, vip.GetProperty("total").GetInt32());
        var search = await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=guest%203");
        Assert.Equal("Guest 3", Assert.Single(search.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/contacts?pageSize=201")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/contacts?consent=maybe")).StatusCode);
    }

    [Fact]
    public async Task Csv_import_reports_row_numbers_dedupes_and_requires_consent_source()
    {
        await using var app = new TApp();
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Existing Person", phone = "(405) 555-0199" });
        const string csv = """
            name,phone,email,tags,state,smsConsent,consentSource
            Ana Lopez,(212) 555-0101,ana@example.com,vip;wedding,NY,optedIn,web-form
            Existing Renamed,405-555-0199,,repeat,,,
            Dup Row,212.555.0101,,,,,
            No Source,(212) 555-0102,,,,optedIn,
            Bad Phone,12345,,,,,
            Bad State,(212) 555-0103,,,ZZ,,
            """;

        var preview = await client.PostAsync("/api/v1/contacts/import?dryRun=true", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts")).GetProperty("total").GetInt32());

        var response = await client.PostAsync("/api/v1/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([3, 4, 5, 6], rejected.Keys.Order().ToArray());
        Assert.Contains("row 1", rejected[3]);
        Assert.Contains("consentSource", rejected[4]);

        var ana = (await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=ana")).GetProperty("items")[0];
        Assert.Equal("pendingConfirmation", ana.GetProperty("smsConsent").GetString());
        var existing = (await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=4055550199")).GetProperty("items")[0];
        Assert.Equal("Existing Renamed", existing.GetProperty("name").GetString());
        Assert.Contains("repeat", existing.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Csv_import_refuses_a_file_without_a_phone_column_and_wrong_content_type()
    {
        var client = await factory.CreateClientInRoleAsync(Roles.Marketing);
        var noPhone = await client.PostAsync("/api/v1/contacts/import", new StringContent("name,email\nA,a@b.c\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, noPhone.StatusCode);
        Assert.Equal("application/problem+json", noPhone.Content.Headers.ContentType?.MediaType);
        var json = await client.PostAsync("/api/v1/contacts/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Export_writes_the_current_filter_as_csv_that_imports_back()
    {
        await using var app = new TApp();
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Tagged, With Comma", phone = "(718) 555-0111", tags = new[] { "corporate" } });
        await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Untagged", phone = "(718) 555-0112" });
        var csv = await client.GetStringAsync("/api/v1/contacts/export.csv?tag=corporate");
        var lines = csv.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("name,phone,email,tags", lines[0]);
        // E.164 starts with "+", which a spreadsheet would evaluate: neutralised as text, and the import strips it again.
        Assert.Contains("\"Tagged, With Comma\",'+17185550111", lines[1]);

        await using var other = new TApp();
        var otherClient = await other.CreateClientInRoleAsync(Roles.Marketing);
        var result = await (await otherClient.PostAsync("/api/v1/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
    }
}

public sealed class ContactsApiTestsOnSqlite(AppFactory factory) : ContactsApiTests<AppFactory>(factory);

[RequiresPostgres]
public sealed class ContactsApiTestsOnPostgres(PostgresAppFactory factory) : ContactsApiTests<PostgresAppFactory>(factory);
