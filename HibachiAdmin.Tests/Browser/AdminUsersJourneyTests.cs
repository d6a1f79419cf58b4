using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.MoreJourneys)]
public sealed class AdminUsersJourneyTests
{
    [BrowserFact]
    public async Task An_admin_creates_a_user_who_must_choose_a_new_password_at_first_sign_in()
    {
        await using var app = await BrowserApp.StartAsync();
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/admin/users");
        await app.WaitForCircuitAsync();

        await app.ClickUntilAsync("[data-testid=add-user]", "input[data-testid=new-user-email]");
        await app.Page.FillAsync("input[data-testid=new-user-email]", "chef.kenji@hibachi.test");
        await app.Page.FillAsync("input[data-testid=new-user-name]", "Kenji");
        // No role is ticked by default: a role is a choice (issue 24 item 13).
        await app.Page.ClickAsync("[data-testid=create-user]");
        await Assertions.Expect(app.Page.Locator("text=Pick at least one role.")).ToBeVisibleAsync();
        await app.Page.ClickAsync("[data-testid=new-user-roles]");
        await app.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Staff" }).First.ClickAsync();
        await app.Page.FocusAsync("input[data-testid=new-user-roles]");
        await app.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(app.Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await app.Page.ClickAsync("[data-testid=create-user]");
        var temporary = await app.Page.Locator("[data-testid=one-time-password-value]").InnerTextAsync();
        Assert.True(temporary.Length >= 12);

        await app.Context.ClearCookiesAsync();
        await app.SignInAsync("chef.kenji@hibachi.test", temporary, expectSuccess: false);
        await Assertions.Expect(app.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Manage/ChangePassword"));

        // Until the password changes, every page sends them back here.
        await app.Page.GotoAsync("/contacts");
        await Assertions.Expect(app.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Manage/ChangePassword"));

        await app.Page.FillAsync("#Input\\.OldPassword", temporary);
        await app.Page.FillAsync("#Input\\.NewPassword", "sizzling shrimp on the flat top");
        await app.Page.FillAsync("#Input\\.ConfirmPassword", "sizzling shrimp on the flat top");
        await app.Page.ClickAsync("button[type=submit]");
        await Assertions.Expect(app.Page.Locator("text=Your password has been changed.")).ToBeVisibleAsync();

        await app.Page.GotoAsync("/contacts");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("h1")).ToHaveTextAsync("Contacts");
    }
}
