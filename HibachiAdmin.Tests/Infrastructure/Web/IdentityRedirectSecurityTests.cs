using System.Security.Claims;
using HibachiAdmin.Components.Account;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>
/// The account pages' redirects: only to this site, with the one-shot status message in a cookie the page
/// scripts cannot read and other sites cannot send.
/// </summary>
public sealed class IdentityRedirectSecurityTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>A navigation manager that records where the page sent the browser.</summary>
    private sealed class RecordingNavigation : NavigationManager
    {
        public RecordingNavigation(string current) => Initialize("http://localhost/", current);

        public List<string> Visited { get; } = [];

        protected override void NavigateToCore(string uri, NavigationOptions options) => Visited.Add(uri);
    }

    private static (IdentityRedirectManager Manager, RecordingNavigation Navigation) Create(string current = "http://localhost/Account/Manage")
    {
        var navigation = new RecordingNavigation(current);
        return (new IdentityRedirectManager(navigation), navigation);
    }

    private static IList<SetCookieHeaderValue> Cookies(HttpContext context) =>
        SetCookieHeaderValue.ParseList(context.Response.Headers.SetCookie.OfType<string>().ToList());

    private static SetCookieHeaderValue StatusCookie(HttpContext context) =>
        Assert.Single(Cookies(context), c => c.Name == IdentityRedirectManager.StatusCookieName);

    [Theory]
    [InlineData("/leads?x=1", "/leads?x=1")]
    [InlineData("http://localhost/leads?x=1", "/leads?x=1")]
    [InlineData("HTTP://LOCALHOST/leads", "/leads")]
    [InlineData("http://localhost/", "/")]
    [InlineData("http://localhost//evil.example/x", "/")]
    [InlineData("http://localhost/\\evil.example/x", "/")]
    [InlineData("http://localhost.evil.example/x", "/")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData(null, "/")]
    public void A_redirect_stays_on_this_site(string? target, string expected)
    {
        var (manager, navigation) = Create();
        manager.RedirectTo(target);
        Assert.Equal([expected], navigation.Visited);
    }

    [Fact]
    public void A_redirect_with_query_values_replaces_the_targets_own_query()
    {
        var (manager, navigation) = Create();
        manager.RedirectTo("Account/Login?stale=1", new Dictionary<string, object?> { ["ReturnUrl"] = "/leads?x=1", ["Message"] = null });
        Assert.Equal(["/Account/Login?ReturnUrl=%2Fleads%3Fx%3D1"], navigation.Visited);
    }

    [Fact]
    public void Redirecting_to_the_current_page_drops_its_query()
    {
        var (manager, navigation) = Create("http://localhost/Account/Manage/Email?code=secret");
        manager.RedirectToCurrentPage();
        Assert.Equal(["/Account/Manage/Email"], navigation.Visited);
    }

    [Fact]
    public void The_status_message_travels_in_a_five_second_http_only_same_site_cookie_and_the_browser_moves_on()
    {
        var (manager, navigation) = Create("http://localhost/Account/Manage/Email?code=1");
        var context = new DefaultHttpContext();
        manager.RedirectToCurrentPageWithStatus("Your email is confirmed", context);

        Assert.Equal(["/Account/Manage/Email"], navigation.Visited);
        var cookie = StatusCookie(context);
        Assert.Equal("Your email is confirmed", Uri.UnescapeDataString(cookie.Value.ToString()));
        Assert.True(cookie.HttpOnly, "page scripts must not read the status cookie");
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal(TimeSpan.FromSeconds(5), cookie.MaxAge);
    }

    [Fact]
    public async Task The_status_cookie_is_essential_so_a_cookie_consent_policy_still_lets_it_through()
    {
        var (manager, navigation) = Create();
        var policy = new CookiePolicyMiddleware(context =>
        {
            context.Response.Cookies.Append("tracking", "1");
            manager.RedirectToWithStatus("/leads", "Saved", context);
            return Task.CompletedTask;
        }, Options.Create(new CookiePolicyOptions { CheckConsentNeeded = _ => true }), NullLoggerFactory.Instance);
        var context = new DefaultHttpContext();

        await policy.Invoke(context);

        // No consent was given: the policy drops the non-essential cookie and keeps the status message.
        Assert.DoesNotContain(Cookies(context), c => c.Name == "tracking");
        Assert.Equal("Saved", StatusCookie(context).Value.ToString());
        Assert.Equal(["/leads"], navigation.Visited);
    }

    [Fact]
    public void A_user_that_cannot_be_loaded_is_sent_to_sign_in_with_an_error_naming_the_id()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(users.Options.ClaimsIdentity.UserIdClaimType, "user-42")], "test")),
        };
        var (manager, navigation) = Create();

        manager.RedirectToInvalidUser(users, context);

        Assert.Equal(["/Account/Login"], navigation.Visited);
        Assert.Equal("Error: Unable to load user with ID 'user-42'.", Uri.UnescapeDataString(StatusCookie(context).Value.ToString()));
    }
}
