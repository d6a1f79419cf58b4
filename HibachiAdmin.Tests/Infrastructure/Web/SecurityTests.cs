using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>Accounts, redirects, headers and exports as issue 9's hostile user probed them.</summary>
public sealed partial class SecurityTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "a long enough test password";

    /// <summary>Signs in through the static sign-in form, as a browser does; the client keeps the cookie.</summary>
    private static async Task<HttpClient> CookieClientAsync(AppFactory factory, string email, string password, string? returnUrl = null)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var url = "/Account/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        });
        var response = await client.PostAsync(url, form);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"sign-in answered {(int)response.StatusCode}");
        client.DefaultRequestHeaders.Add("X-Sign-In-Location", response.Headers.Location?.ToString() ?? "");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Theory]
    [InlineData(null, "/")]
    [InlineData("/leads", "/leads")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("/Account/Login?ReturnUrl=%2Fleads", "/")]
    public async Task Someone_already_signed_in_who_opens_the_sign_in_page_goes_on_instead_of_seeing_the_form(string? returnUrl, string expected)
    {
        // Issue 24 item 13: the sign-in page was shown again to a signed-in person.
        var email = $"signed-in-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, Password, Roles.Staff);
        var client = await CookieClientAsync(app, email, Password);
        var response = await client.GetAsync("/Account/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"answered {(int)response.StatusCode}");
        Assert.Equal(expected, new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery);
        // Signed out, the form is there.
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Contains("login-submit", await anonymous.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("http:evil.example")]
    public async Task Sign_in_with_a_foreign_return_url_goes_to_a_local_page(string returnUrl)
    {
        var email = $"redirect-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, Password, Roles.Staff);
        var client = await CookieClientAsync(app, email, Password, returnUrl);
        var location = new Uri(new Uri("http://localhost/"), client.DefaultRequestHeaders.GetValues("X-Sign-In-Location").Single());
        Assert.Equal("localhost", location.Host);
        Assert.DoesNotContain("evil", location.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example")]
    [InlineData("leads")]
    public async Task Sign_out_with_any_return_url_ends_the_session_and_stays_local(string returnUrl)
    {
        var email = $"logout-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, Password, Roles.Staff);
        var client = await CookieClientAsync(app, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/leads")).StatusCode);
        var page = await client.GetStringAsync("/");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl,
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"logout answered {(int)response.StatusCode}");
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/leads")).StatusCode);
    }

    [Fact]
    public async Task A_user_who_must_change_the_password_can_only_change_it_or_sign_out()
    {
        var email = $"flagged-{Guid.NewGuid():N}@test.local";
        var user = await app.CreateUserAsync(email, Password, Roles.Marketing);
        var client = await CookieClientAsync(app, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/contacts")).StatusCode);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var changed = await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true));
            Assert.Equal(1, changed);
        }
        foreach (var response in new[]
        {
            await client.GetAsync("/api/v1/contacts"),
            await client.GetAsync("/api/v1/contacts/export.csv"),
            await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Sneaky", phone = "+12125550123" }),
            await client.GetAsync("/openapi/v1.json"),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Password change required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Accept.ParseAdd("text/html");
        Assert.Equal("/Account/Manage/ChangePassword", (await client.SendAsync(home)).Headers.Location?.ToString());
        var change = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage/ChangePassword");
        change.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(change)).StatusCode);
    }

    [Fact]
    public async Task Unknown_emails_get_the_same_answers_work_and_lockout_as_real_accounts()
    {
        // The production work factor: the timing below compares the password hash's work on both paths.
        await using var own = new AppFactory { ProductionPasswordHashing = true };
        var client = own.CreateClient();
        var real = $"real-{Guid.NewGuid():N}@test.local";
        await own.CreateUserAsync(real, Password, Roles.Staff);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.local";

        async Task<(HttpStatusCode Status, string Title, double Ms)> Try(string email)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password, long enough" });
            watch.Stop();
            var title = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!;
            return (response.StatusCode, title, watch.Elapsed.TotalMilliseconds);
        }

        await Try(real);
        await Try(unknown);
        var realTries = new List<(HttpStatusCode Status, string Title, double Ms)>();
        var unknownTries = new List<(HttpStatusCode Status, string Title, double Ms)>();
        for (var i = 0; i < 5; i++)
        {
            realTries.Add(await Try(real));
            unknownTries.Add(await Try(unknown));
        }
        // Same answers, attempt by attempt: four wrong passwords, then both locked.
        Assert.Equal(realTries.Select(t => (t.Status, t.Title)), unknownTries.Select(t => (t.Status, t.Title)));
        Assert.Equal("Account locked", realTries[^1].Title);
        Assert.Contains(realTries, t => t.Title == "Invalid credentials");

        // Same work: the unknown email also spends a password hash (PBKDF2) on every attempt.
        static double Median(IEnumerable<double> xs) => xs.Order().ElementAt(2);
        var realMs = Median(realTries.Select(t => t.Ms));
        var unknownMs = Median(unknownTries.Select(t => t.Ms));
        Assert.True(unknownMs > realMs / 3, $"unknown email {unknownMs:0.0} ms against real account {realMs:0.0} ms");
    }

    [Fact]
    public async Task The_sign_in_page_locks_unknown_emails_like_real_accounts()
    {
        await using var own = new AppFactory();
        var real = $"real-{Guid.NewGuid():N}@test.local";
        await own.CreateUserAsync(real, Password, Roles.Staff);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.local";

        async Task<List<string>> Attempts(string email)
        {
            var client = own.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            var outcomes = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var page = await client.GetStringAsync("/Account/Login");
                var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "login", ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
                    ["Input.Email"] = email, ["Input.Password"] = "wrong password, long enough",
                }));
                outcomes.Add(response.Headers.Location?.ToString().Contains("Lockout", StringComparison.Ordinal) == true ? "locked"
                    : (await response.Content.ReadAsStringAsync()).Contains("Invalid sign-in attempt", StringComparison.Ordinal) ? "invalid" : $"{(int)response.StatusCode}");
            }
            return outcomes;
        }

        var realOutcomes = await Attempts(real);
        Assert.Equal(realOutcomes, await Attempts(unknown));
        Assert.Equal("invalid", realOutcomes[0]);
        Assert.Equal("locked", realOutcomes[^1]);
    }

    [Fact]
    public async Task Export_neutralises_formula_cells_and_the_import_restores_them()
    {
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        var tag = $"csv{Guid.NewGuid():N}"[..12];
        var created = await client.PostAsJsonAsync("/api/v1/contacts",
            new { name = "=HYPERLINK(\"http://evil.example\",\"x\")", phone = "+12125550177", email = "=1+1@x.com", tags = new[] { tag, "@cmd" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var csv = await client.GetStringAsync($"/api/v1/contacts/export.csv?tag={tag}");
        var row = csv.Split('\n')[1];
        Assert.Contains("'=HYPERLINK", row, StringComparison.Ordinal);
        Assert.Contains("'=1+1@x.com", row, StringComparison.Ordinal);
        Assert.Contains("'+12125550177", row, StringComparison.Ordinal);
        foreach (var cell in row.Split(','))
        {
            var text = cell.Trim('"');
            Assert.False(text.Length > 0 && "=+-@\t\r".Contains(text[0]), $"cell starts with a formula trigger: {cell}");
        }
        Assert.Equal("=HYPERLINK(x)", CsvCells.Restore(CsvCells.Neutralize("=HYPERLINK(x)")));
        Assert.Equal("\tx", CsvCells.Restore(CsvCells.Neutralize("\tx")));
        Assert.Equal("'quoted", CsvCells.Restore(CsvCells.Neutralize("'quoted")));
    }

    [Fact]
    public async Task Pages_and_api_carry_security_headers_and_no_server_header()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var login = await client.GetAsync("/Account/Login");
        var csp = login.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/leads");
        var problem = await client.PostAsync("/api/v1/auth/token", new StringContent("{", Encoding.UTF8, "application/json"));
        foreach (var response in new[] { login, api, problem })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{response.RequestMessage!.RequestUri} has no CSP");
            Assert.False(response.Headers.Contains("Server"));
        }
        Assert.StartsWith("default-src 'none'", api.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Content_root_is_the_app_folder_when_started_from_elsewhere()
    {
        var appDir = Directory.CreateTempSubdirectory("hibachi-app-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("hibachi-cwd-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(appDir, "appsettings.json"), "{}");
            Assert.Equal(appDir, ContentRoot.Choose(elsewhere, appDir));
            // dotnet run / tests: the working directory is an app folder, keep it.
            File.WriteAllText(Path.Combine(elsewhere, "appsettings.json"), "{}");
            Assert.Null(ContentRoot.Choose(elsewhere, appDir));
        }
        finally
        {
            Directory.Delete(appDir, true);
            Directory.Delete(elsewhere, true);
        }
    }

    [Theory]
    [InlineData("+12125550147", "+1••••••••47")]
    [InlineData("owner@example.com", "o•••@example.com")]
    public void Personal_data_is_masked_for_logs(string value, string masked)
    {
        Assert.Equal(masked, value.Contains('@') ? Pii.Email(value) : Pii.Phone(value));
        Assert.DoesNotContain(value, Pii.Redact($"admin {value} did it"), StringComparison.Ordinal);
    }
}
