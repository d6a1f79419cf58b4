using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;

namespace HibachiAdmin.Tests.Features.Contacts;

public sealed class ContactSearchTestsOnSqlite : ContactSearchTests<AppFactory>;

[RequiresPostgres]
public sealed class ContactSearchTestsOnPostgres : ContactSearchTests<PostgresAppFactory>;

/// <summary>
/// Issue 21 finding 10: the contact search matches what was typed literally; "%", "_" and the escape
/// character itself are text, not LIKE wildcards, on both providers.
/// </summary>
public abstract class ContactSearchTests<TApp> : IAsyncLifetime
    where TApp : AppFactory, new()
{
    private readonly TApp _app = new();
    private HttpClient _client = default!;

    private static readonly string[] Names = ["Ann 100% Catering", "Ann 100 Catering", "Bo_b Smith", "Boxb Smith", @"Back\slash Party", "Backslash Party", "Zed Plain"];

    public async Task InitializeAsync()
    {
        _client = await _app.CreateClientInRoleAsync(Roles.Marketing);
        var n = 0;
        foreach (var name in Names)
        {
            var created = await _client.PostAsJsonAsync("/api/v1/contacts", new { name, phone = $"(212) 555-01{n++:D2}" });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string[]> SearchAsync(string q)
    {
        var page = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString(q)}&pageSize=200");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
    }

    [Theory]
    [InlineData("%", new[] { "Ann 100% Catering" })]
    [InlineData("100%", new[] { "Ann 100% Catering" })]
    [InlineData("_", new[] { "Bo_b Smith" })]
    [InlineData("bo_b", new[] { "Bo_b Smith" })]
    [InlineData(@"\", new[] { @"Back\slash Party" })]
    [InlineData(@"k\s", new[] { @"Back\slash Party" })]
    [InlineData("%%", new string[0])]
    [InlineData("ann 100", new[] { "Ann 100 Catering", "Ann 100% Catering" })]
    public async Task Wildcard_characters_are_matched_as_typed(string q, string[] expected)
    {
        Assert.Equal(expected, await SearchAsync(q));
    }

    [Fact]
    public void The_literal_pattern_escapes_the_escape_character_first()
    {
        Assert.Equal(@"a\%b\_c\\d", ContactService.LikeLiteral(@"a%b_c\d"));
        Assert.Equal("plain", ContactService.LikeLiteral("plain"));
    }
}
