using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.MoreJourneys)]
public sealed class SignInJourneyTests
{
    [BrowserFact]
    public async Task The_bootstrap_admin_signs_in_and_sees_home_and_navigation()
    {
        await using var app = await BrowserApp.StartAsync();
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await Assertions.Expect(app.Page.Locator("h1")).ToHaveTextAsync("Home");
        await Assertions.Expect(app.Page.Locator(".mud-nav-link", new() { HasText = "Contacts" })).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator(".mud-nav-link", new() { HasText = "Leads" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await using var app = await BrowserApp.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await app.SignInAsync(AppFactory.AdminEmail, $"wrong password attempt {i}", expectSuccess: false);
        }
        await Assertions.Expect(app.Page.Locator("[data-testid=lockout]")).ToBeVisibleAsync();

        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword, expectSuccess: false);
        await Assertions.Expect(app.Page.Locator("[data-testid=lockout]")).ToBeVisibleAsync();
        Assert.DoesNotContain("Home", await app.Page.TitleAsync());
    }
}
