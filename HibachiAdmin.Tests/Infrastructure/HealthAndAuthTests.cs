using System.Net;
using System.Net.Http.Json;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Tests.Infrastructure;

public sealed class HealthAndAuthTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Healthz_is_anonymous_and_answers_200_when_the_database_answers()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_endpoint_issues_a_bearer_token_for_the_bootstrap_admin()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = AppFactory.AdminEmail, password = AppFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<AppFactory.TokenResponse>();
        Assert.Equal("Bearer", token!.TokenType);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.True(token.ExpiresIn > 0);
    }

    [Fact]
    public async Task Token_endpoint_refuses_a_wrong_password_with_problem_json()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = AppFactory.AdminEmail, password = "not the password at all" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem_not_a_500()
    {
        var content = new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/token", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_content_type_gets_415_problem()
    {
        var content = new StringContent("email=a", System.Text.Encoding.UTF8, "text/plain");
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/token", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversized_body_gets_413_problem()
    {
        var content = new StringContent(new string('x', 300 * 1024), System.Text.Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/token", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_page_request_redirects_to_sign_in()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/contacts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_admins_only()
    {
        var staff = await factory.CreateClientInRoleAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/hangfire")).StatusCode);
        var admin = await factory.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
    }
}

public sealed class ErrorResponseTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_unknown_page_gets_the_404_page_for_a_signed_in_user()
    {
        var client = await factory.CreateAdminClientAsync();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_api_route_gets_a_404_problem()
    {
        var client = await factory.CreateAdminClientAsync();
        var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_check_reports_unhealthy_when_the_database_does_not_answer()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContextFactory<HibachiAdmin.Infrastructure.Data.AppDbContext>(services,
            o => Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions.UseSqlite(o, "Data Source=/nonexistent-dir/nowhere.db;Mode=ReadOnly"));
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var check = new HibachiAdmin.Infrastructure.Web.DatabaseHealthCheck(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<HibachiAdmin.Infrastructure.Data.AppDbContext>>(provider));
        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
    }
}
