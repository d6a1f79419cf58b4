using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>
/// Issue 21, finding 6: destinations outside ASCII. A header carries only ASCII, so a code whose URL had
/// "ü" or an IDN host was accepted and then answered every scan with a 500. Stored and redirected encoded
/// (punycode host, percent-encoded UTF-8), bidi and control characters refused, old rows never a 5xx.
/// One host for the class: every test makes its own code and reads back only that code's scans.
/// </summary>
public sealed class QrDestinationEncodingTests(QrAppFactory app) : IClassFixture<QrAppFactory>
{
    private const string Utm = "utm_source=flyer&utm_medium=qr";

    [Theory]
    [InlineData("https://example.com/menü", "https://example.com/men%C3%BC", "https://example.com/men%C3%BC?" + Utm)]
    [InlineData("https://bücher.example/", "https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/?" + Utm)]
    [InlineData("HTTPS://Bücher.Example:8443/straße?q=größe#süß", "https://xn--bcher-kva.example:8443/stra%C3%9Fe?q=gr%C3%B6%C3%9Fe#s%C3%BC%C3%9F",
        "https://xn--bcher-kva.example:8443/stra%C3%9Fe?q=gr%C3%B6%C3%9Fe&" + Utm + "#s%C3%BC%C3%9F")]
    [InlineData("https://example.com/ok%20already?x=%C3%BC&y=ü", "https://example.com/ok%20already?x=%C3%BC&y=%C3%BC", "https://example.com/ok%20already?x=%C3%BC&y=%C3%BC&" + Utm)]
    [InlineData("https://example.com/🍣", "https://example.com/%F0%9F%8D%A3", "https://example.com/%F0%9F%8D%A3?" + Utm)]
    public async Task A_non_ascii_destination_is_stored_encoded_and_every_scan_redirects(string typed, string stored, string location)
    {
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var response = await marketing.PostAsJsonAsync("/api/v1/qr-codes", new { name = "Menu", type = "flyer", destinationUrl = typed });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(stored, code.GetProperty("destinationUrl").GetString());
        Assert.Equal(location, code.GetProperty("redirectsTo").GetString());

        for (var scan = 0; scan < 2; scan++)
        {
            var redirect = await app.Browser().GetAsync($"/q/{code.GetProperty("slug").GetString()}?qr=1");
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
            Assert.Equal(location, redirect.Headers.Location!.OriginalString);
        }
        await app.ScansEventuallyAsync(2, Guid.Parse(code.GetProperty("id").GetString()!));
    }

    [Theory]
    [InlineData("https://example.com/\u202Egpj.exe")]
    [InlineData("https://exa\u202Emple.com/")]
    [InlineData("https://example.com/?q=\u2066x\u2069")]
    [InlineData("https://example.com/\u200Fmenu")]
    [InlineData("https://example.com/#\u061C")]
    [InlineData("https://example.com/a\u0007b")]
    [InlineData("https://example.com/a\u001Bb")]
    [InlineData("https://example.com/a\u0085b")]
    [InlineData("https://example.com/a\u007Fb")]
    [InlineData("https://bad_host\u00FC.example/")]
    public async Task Bidi_control_and_unencodable_destinations_are_400s_naming_destinationUrl(string url)
    {
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var before = (await marketing.GetFromJsonAsync<JsonElement>("/api/v1/qr-codes")).GetProperty("total").GetInt32();
        var body = JsonSerializer.Serialize(new { name = "Menu", type = "flyer", destinationUrl = url });
        var response = await marketing.PostAsync("/api/v1/qr-codes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("destinationUrl", out _), problem.ToString());
        Assert.Equal(before, (await marketing.GetFromJsonAsync<JsonElement>("/api/v1/qr-codes")).GetProperty("total").GetInt32());
    }

    /// <summary>Rows written before the check (or by hand): encoded on the way out when they can be, else a page, never a 5xx.</summary>
    [Theory]
    [InlineData("https://example.com/menü", 302, "https://example.com/men%C3%BC?utm_source=flyer&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall")]
    [InlineData("https://bücher.example/", 302, "https://xn--bcher-kva.example/?utm_source=flyer&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall")]
    [InlineData("https://example.com/\u202Egpj.exe", 410, null)]
    [InlineData("https://example.com/a\nb", 410, null)]
    [InlineData("https://example.com/a b", 410, null)]
    [InlineData("not a url", 410, null)]
    [InlineData("javascript:alert(1)", 410, null)]
    [InlineData("https://bad_host\u00FC.example/", 410, null)]
    public async Task A_stored_destination_never_makes_a_scan_fail(string stored, int status, string? location)
    {
        var code = await app.CreateCodeAsync();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<QrCode>().Where(c => c.Id == code.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.DestinationUrl, stored));
        }
        app.Services.GetRequiredService<QrCodeService>().Invalidate(code.Slug);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head, HttpMethod.Get })
        {
            var response = await app.Browser().SendAsync(new HttpRequestMessage(method, $"/q/{code.Slug}?qr=1"));
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(location, response.Headers.Location?.OriginalString);
        }
        // The API still lists the code (the management pages must open to fix it).
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var dto = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/qr-codes/{code.Id}");
        Assert.Equal(stored, dto.GetProperty("destinationUrl").GetString());
    }
}
