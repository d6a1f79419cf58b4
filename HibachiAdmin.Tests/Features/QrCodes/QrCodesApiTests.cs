using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>The QR API as CONTRACT.md writes it: Marketing+ only, created codes with slug and scan URL, images that decode to that URL.</summary>
public sealed class QrCodesApiTests(QrAppFactory shared) : IClassFixture<QrAppFactory>
{
    private static readonly object Flyer = new { name = "Spring flyer", type = "flyer", destinationUrl = "https://hibachi.example/menu", campaign = "Spring 2027" };

    [Fact]
    public async Task Marketing_creates_a_code_with_slug_scan_url_and_utm_defaults()
    {
        await using var app = QrTestApp.Fast().With("Qr:PublicBaseUrl", "https://hibachi.example/");
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var response = await marketing.PostAsJsonAsync("/api/v1/qr-codes", new { name = "Harbor Hall table 7", type = "TABLE", destinationUrl = "https://hibachi.example/menu", venue = "Harbor Hall", tableNumber = 7 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = code.GetProperty("id").GetString();
        var slug = code.GetProperty("slug").GetString()!;
        Assert.Equal($"/api/v1/qr-codes/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(7, slug.Length);
        Assert.Equal($"https://hibachi.example/q/{slug}?qr=1", code.GetProperty("scanUrl").GetString());
        Assert.Equal($"https://hibachi.example/q/{slug}", code.GetProperty("shareUrl").GetString());
        Assert.Equal("table", code.GetProperty("type").GetString());
        Assert.Equal("table", code.GetProperty("utm").GetProperty("source").GetString());
        Assert.Equal("qr", code.GetProperty("utm").GetProperty("medium").GetString());
        Assert.Equal("harbor-hall-table-7", code.GetProperty("utm").GetProperty("content").GetString());
        Assert.Equal("https://hibachi.example/menu?utm_source=table&utm_medium=qr&utm_content=harbor-hall-table-7", code.GetProperty("redirectsTo").GetString());
        Assert.True(code.GetProperty("isActive").GetBoolean());

        var fetched = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/qr-codes/{id}");
        Assert.Equal(slug, fetched.GetProperty("slug").GetString());
        var list = await marketing.GetFromJsonAsync<JsonElement>("/api/v1/qr-codes?q=harbor");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.GetAsync($"/api/v1/qr-codes/{Guid.NewGuid()}")).StatusCode);

        var put = await marketing.PutAsJsonAsync($"/api/v1/qr-codes/{id}", new { name = "Harbor Hall table 7", type = "table", useInquiryForm = true, venue = "Harbor Hall", tableNumber = 7 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var edited = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(slug, edited.GetProperty("slug").GetString());
        Assert.Equal($"/inquiry/{slug}", edited.GetProperty("redirectsTo").GetString());
        Assert.True(!edited.TryGetProperty("destinationUrl", out var url) || url.ValueKind == JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"javascript:alert(1)"}""", "destinationUrl")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"ftp://hibachi.example/"}""", "destinationUrl")]
    [InlineData("""{"name":"x","type":"flyer"}""", "destinationUrl")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","useInquiryForm":true}""", "destinationUrl")]
    [InlineData("""{"type":"flyer","destinationUrl":"https://a.example/"}""", "name")]
    [InlineData("""{"name":"   ","type":"flyer","destinationUrl":"https://a.example/"}""", "name")]
    [InlineData("""{"name":"x","type":"banana","destinationUrl":"https://a.example/"}""", "type")]
    [InlineData("""{"name":"x","type":"flyer,table","destinationUrl":"https://a.example/"}""", "type")]
    [InlineData("""{"name":"x","destinationUrl":"https://a.example/"}""", "type")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","foregroundColor":"red"}""", "foregroundColor")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","backgroundColor":"#GGGGGG"}""", "backgroundColor")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","tableNumber":0}""", "tableNumber")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","validFrom":"2027-01-02T00:00:00Z","validUntil":"2027-01-01T00:00:00Z"}""", "validUntil")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","validFrom":"2027-01-01T00:00:00Z","validUntil":"2027-01-01T00:00:00Z"}""", "validUntil")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","campaignId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301"}""", "campaignId")]
    [InlineData("""{"name":"x","type":"flyer","destinationUrl":"https://a.example/","errorCorrection":"z"}""", "errorCorrection")]
    public async Task Invalid_bodies_are_400s_naming_the_field_and_store_nothing(string body, string field)
    {
        // One host for these rows (each stores nothing): the code count before and after must be the same.
        var marketing = await shared.CreateClientInRoleAsync(Roles.Marketing);
        var before = (await marketing.GetFromJsonAsync<JsonElement>("/api/v1/qr-codes")).GetProperty("total").GetInt32();
        var response = await marketing.PostAsync("/api/v1/qr-codes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await marketing.GetFromJsonAsync<JsonElement>("/api/v1/qr-codes")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_marketing_manager_and_admin_reach_the_api()
    {
        await using var app = QrTestApp.Fast();
        var admin = await app.CreateAdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/qr-codes", Flyer)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var gets = new[] { "/api/v1/qr-codes", $"/api/v1/qr-codes/{id}", $"/api/v1/qr-codes/{id}/image.png", $"/api/v1/qr-codes/{id}/image.svg", $"/api/v1/qr-codes/{id}/scans",
            $"/api/v1/qr-codes/{id}/scans.csv", "/api/v1/qr-codes/scans.csv", "/api/v1/qr-codes/analytics" };
        var anonymous = app.CreateClient();
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        foreach (var url in gets)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/qr-codes", Flyer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/qr-codes", Flyer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/v1/qr-codes/{id}", Flyer)).StatusCode);
        foreach (var role in new[] { Roles.Marketing, Roles.Manager, Roles.Admin })
        {
            var client = await app.CreateClientInRoleAsync(role);
            foreach (var url in gets)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/qr-codes", Flyer)).StatusCode);
        }
    }

    [Fact]
    public async Task The_png_decodes_to_the_scan_url_with_a_real_decoder_at_every_size_and_level()
    {
        Assert.True(File.Exists("/usr/bin/zbarimg"), "zbarimg is missing: apt-get install zbar-tools (.ci/run installs it).");
        await using var app = QrTestApp.Fast().With("Qr:PublicBaseUrl", "https://hibachi.example");
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        foreach (var (level, size, fg, bg) in new[] { ("l", 128, "#000000", "#FFFFFF"), ("m", 512, "#7B1F1F", "#FFF8E1"), ("h", 2048, "#0D47A1", "#FFFFFF") })
        {
            var code = await (await marketing.PostAsJsonAsync("/api/v1/qr-codes", new
            {
                name = "Truck", type = "vehicle", destinationUrl = "https://hibachi.example/book", errorCorrection = level, foregroundColor = fg, backgroundColor = bg, withLogo = level == "h",
            })).Content.ReadFromJsonAsync<JsonElement>();
            var png = await marketing.GetAsync($"/api/v1/qr-codes/{code.GetProperty("id").GetString()}/image.png?size={size}");
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"qr-{code.GetProperty("slug").GetString()}.png", png.Content.Headers.ContentDisposition!.FileNameStar ?? png.Content.Headers.ContentDisposition.FileName);
            var bytes = await png.Content.ReadAsByteArrayAsync();
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            Assert.InRange(width, size / 2, size);
            Assert.Equal(code.GetProperty("scanUrl").GetString(), await DecodeAsync(bytes));
        }
    }

    [Fact]
    public async Task The_png_carries_the_centre_logo_when_asked_and_still_decodes()
    {
        await using var app = QrTestApp.Fast().With("Qr:PublicBaseUrl", "https://hibachi.example");
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        async Task<(byte[] Png, string ScanUrl)> MakeAsync(bool withLogo)
        {
            var code = await (await marketing.PostAsJsonAsync("/api/v1/qr-codes", new
            {
                name = "Card", type = "businessCard", destinationUrl = "https://hibachi.example/", withLogo, errorCorrection = "h", backgroundColor = "#FFF8E1",
            })).Content.ReadFromJsonAsync<JsonElement>();
            var png = await marketing.GetByteArrayAsync($"/api/v1/qr-codes/{code.GetProperty("id").GetString()}/image.png?size=512");
            return (png, code.GetProperty("scanUrl").GetString()!);
        }
        // The flame's red (#C62828) in the logo: present in the middle of the code with the logo, nowhere without it.
        static int FlamePixels(byte[] png)
        {
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            var count = 0;
            for (var y = bitmap.Height * 2 / 5; y < bitmap.Height * 3 / 5; y++)
            {
                for (var x = bitmap.Width * 2 / 5; x < bitmap.Width * 3 / 5; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    count += c.Red > 150 && c.Green < 90 && c.Blue < 90 ? 1 : 0;
                }
            }
            return count;
        }

        var (withLogo, url) = await MakeAsync(withLogo: true);
        var (plain, plainUrl) = await MakeAsync(withLogo: false);
        Assert.True(FlamePixels(withLogo) > 100, $"the logo is not drawn: {FlamePixels(withLogo)} red pixels in the centre");
        Assert.Equal(0, FlamePixels(plain));
        using (var bitmap = SkiaSharp.SKBitmap.Decode(withLogo))
        {
            // The plate under the logo has the code's background colour, not the module colour.
            Assert.Equal(new SkiaSharp.SKColor(0xFF, 0xF8, 0xE1), bitmap.GetPixel(bitmap.Width / 2 - bitmap.Width / 10, bitmap.Height / 2));
        }
        Assert.True(File.Exists("/usr/bin/zbarimg"), "zbarimg is missing: apt-get install zbar-tools (.ci/run installs it).");
        Assert.Equal(url, await DecodeAsync(withLogo));
        Assert.Equal(plainUrl, await DecodeAsync(plain));
    }

    [Fact]
    public async Task The_svg_is_served_with_its_type_and_the_logo_when_asked()
    {
        await using var app = QrTestApp.Fast();
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var plain = await (await marketing.PostAsJsonAsync("/api/v1/qr-codes", Flyer)).Content.ReadFromJsonAsync<JsonElement>();
        var logo = await (await marketing.PostAsJsonAsync("/api/v1/qr-codes", new { name = "Card", type = "businessCard", destinationUrl = "https://hibachi.example/", withLogo = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("h", logo.GetProperty("errorCorrection").GetString());
        var plainSvg = await marketing.GetAsync($"/api/v1/qr-codes/{plain.GetProperty("id").GetString()}/image.svg");
        Assert.Equal("image/svg+xml", plainSvg.Content.Headers.ContentType!.MediaType);
        var plainText = await plainSvg.Content.ReadAsStringAsync();
        Assert.Contains("<svg", plainText);
        var logoText = await marketing.GetStringAsync($"/api/v1/qr-codes/{logo.GetProperty("id").GetString()}/image.svg");
        Assert.True(logoText.Split("<svg").Length > plainText.Split("<svg").Length || logoText.Contains("<image", StringComparison.Ordinal), "the centre logo is embedded");
    }

    [Theory]
    [InlineData("size=127")]
    [InlineData("size=2049")]
    [InlineData("size=-1")]
    [InlineData("size=abc")]
    public async Task A_png_size_out_of_range_is_a_400(string query)
    {
        await using var app = QrTestApp.Fast();
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var code = await (await marketing.PostAsJsonAsync("/api/v1/qr-codes", Flyer)).Content.ReadFromJsonAsync<JsonElement>();
        var response = await marketing.GetAsync($"/api/v1/qr-codes/{code.GetProperty("id").GetString()}/image.png?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Scans_analytics_and_csv_show_what_the_redirect_recorded()
    {
        await using var app = QrTestApp.Fast();
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var code = await (await marketing.PostAsJsonAsync("/api/v1/qr-codes", Flyer)).Content.ReadFromJsonAsync<JsonElement>();
        var id = code.GetProperty("id").GetString();
        var slug = code.GetProperty("slug").GetString();
        await app.Browser().GetAsync($"/q/{slug}?qr=1");
        await app.Browser().GetAsync($"/q/{slug}");
        await app.ScansEventuallyAsync(2);

        var scans = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/qr-codes/{id}/scans");
        Assert.Equal(2, scans.GetProperty("total").GetInt32());
        var first = scans.GetProperty("items")[0];
        Assert.Equal("mobile", first.GetProperty("device").GetString());
        Assert.Equal("iOS", first.GetProperty("os").GetString());
        Assert.Equal("Safari", first.GetProperty("browser").GetString());

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var analytics = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/qr-codes/analytics?from={today}&to={today}&qrCodeId={id}");
        Assert.Equal(2, analytics.GetProperty("scans").GetInt64());
        Assert.Equal(2, analytics.GetProperty("uniqueVisitors").GetInt64());
        Assert.Equal(2, analytics.GetProperty("byDay")[0].GetProperty("scans").GetInt64());
        Assert.Equal("Mobile", analytics.GetProperty("devices")[0].GetProperty("name").GetString());
        var channels = analytics.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("scans").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["Link"] = 1, ["Printed"] = 1 }, channels);
        Assert.Equal(2, analytics.GetProperty("placements")[0].GetProperty("scans").GetInt64());

        var overall = await marketing.GetFromJsonAsync<JsonElement>("/api/v1/qr-codes/analytics");
        Assert.Equal(30, overall.GetProperty("byDay").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await marketing.GetAsync("/api/v1/qr-codes/analytics?from=2026-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await marketing.GetAsync("/api/v1/qr-codes/analytics?from=2026-02-01&to=2026-01-01")).StatusCode);

        var csv = await marketing.GetAsync($"/api/v1/qr-codes/{id}/scans.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(HibachiAdmin.Features.QrCodes.QrAnalyticsService.CsvHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",Spring flyer," + slug + ",Link,Mobile,iOS,Safari,false,true,", lines[1]);
    }

    [Theory]
    [InlineData("=cmd|'/c calc'!A1", "'=cmd|'/c calc'!A1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("-1", "'-1")]
    [InlineData(null, "")]
    public void Csv_cells_are_quoted_and_never_formulas(string? value, string expected) =>
        Assert.Equal(expected, HibachiAdmin.Features.QrCodes.QrAnalyticsService.Csv(value));

    private static async Task<string> DecodeAsync(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"zbarimg exit {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            return output.TrimEnd('\n');
        }
        finally
        {
            File.Delete(file);
        }
    }
}
