using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Admin;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure;

public sealed class IdentityTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Password = "a long enough test password";

    private async Task<(ApplicationUser User, HttpClient Client)> UserWithTokenAsync(params string[] roles)
    {
        var email = $"user-{Guid.NewGuid():N}@test.local";
        var user = await factory.CreateUserAsync(email, Password, roles);
        return (user, await factory.CreateClientWithTokenAsync(email, Password));
    }

    private async Task<T> WithAdminServiceAsync<T>(Func<UserAdminService, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var email = $"lock-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, Password, Roles.Staff);
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password number " + i })).StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Disabling_a_user_revokes_their_token_and_refuses_new_ones()
    {
        var (user, client) = await UserWithTokenAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/contacts")).StatusCode);

        var result = await WithAdminServiceAsync(s => s.SetDisabledAsync(user.Id, true, Actor.System, default));
        Assert.True(result.Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/contacts")).StatusCode);
        var again = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);

        await WithAdminServiceAsync(s => s.SetDisabledAsync(user.Id, false, Actor.System, default));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = Password })).StatusCode);
    }

    [Fact]
    public async Task Changing_roles_revokes_existing_tokens()
    {
        var (user, client) = await UserWithTokenAsync(Roles.Marketing);
        Assert.True((await WithAdminServiceAsync(s => s.SetRolesAsync(user.Id, [Roles.Staff], Actor.System, default))).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/contacts")).StatusCode);
        var fresh = await factory.CreateClientWithTokenAsync(user.Email!, Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.PostAsJsonAsync("/api/v1/contacts", new { name = "x", phone = "(212) 555-0190" })).StatusCode);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_or_demoted()
    {
        await using var app = new AppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var admin = (await service.ListAsync(default)).Single(u => u.Email == AppFactory.AdminEmail);
        Assert.False((await service.SetDisabledAsync(admin.Id, true, Actor.System, default)).Succeeded);
        Assert.False((await service.SetRolesAsync(admin.Id, [Roles.Staff], Actor.System, default)).Succeeded);
    }

    [Fact]
    public async Task Created_users_and_reset_passwords_must_be_changed_before_use()
    {
        var email = $"new-{Guid.NewGuid():N}@test.local";
        var created = await WithAdminServiceAsync(s => s.CreateAsync(email, "New Person", [Roles.Staff], null, Actor.System, default));
        Assert.True(created.Succeeded);
        Assert.NotNull(created.OneTimePassword);
        Assert.True(created.User!.MustChangePassword);

        // Scripts cannot use a temporary password: the person must choose their own first.
        var token = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = created.OneTimePassword });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Contains("Password change required", await token.Content.ReadAsStringAsync());

        var reset = await WithAdminServiceAsync(s => s.ForcePasswordResetAsync(created.User.Id, Actor.System, default));
        Assert.True(reset.Succeeded);
        Assert.NotEqual(created.OneTimePassword, reset.OneTimePassword);
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("password1234", "too common")]
    [InlineData("aaaaaaaaaaaaaaaa", "too common")]
    public async Task Weak_passwords_are_refused(string password, string message)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.CreateAsync(new ApplicationUser { UserName = $"w{Guid.NewGuid():N}@t.local", Email = $"w{Guid.NewGuid():N}@t.local" }, password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Contains(message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Long_passphrases_without_composition_rules_are_accepted()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.CreateAsync(new ApplicationUser { UserName = $"p{Guid.NewGuid():N}@t.local", Email = $"p{Guid.NewGuid():N}@t.local" }, "grill the onions slowly");
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Sign_in_endpoints_are_rate_limited_with_429_problem()
    {
        await using var app = new AppFactory().With("RateLimits:SignInPerMinute", "3");
        var client = app.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.local", password = "whatever whatever" });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task A_garbage_bearer_token_is_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/contacts")).StatusCode);
    }
}
