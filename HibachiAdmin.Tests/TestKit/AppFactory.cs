using System.Net.Http.Headers;
using System.Net.Http.Json;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// The real app over a throwaway SQLite file (migrations applied on start, as in production),
/// in-memory Hangfire, sandbox providers and offline AI. One factory per test class
/// (<see cref="IClassFixture{TFixture}"/>) or per test when a test needs a clean database.
/// <see cref="PostgresAppFactory"/> is the same over a throwaway PostgreSQL database: suites that run on
/// both providers take the factory type as a parameter.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "correct horse battery staple";

    private readonly TestDatabase _database;
    private readonly bool _deleteDatabase;
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["Hangfire:WorkerCount"] = "2",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        // Tests sign in many times from one address.
        ["RateLimits:SignInPerMinute"] = "1000",
    };

    public AppFactory()
        : this(SqliteTestDatabase.CreateNew(), deleteDatabase: true)
    {
    }

    /// <summary>A host over an existing database file (e.g. a "restart" after another host was disposed).</summary>
    public static AppFactory OverDatabase(string databasePath, bool deleteDatabase) => new(new SqliteTestDatabase(databasePath), deleteDatabase);

    /// <summary>A host over an existing database of either provider (a restart, or a second instance beside the first).</summary>
    public static AppFactory OverDatabase(TestDatabase database, bool deleteDatabase) => new(database, deleteDatabase);

    /// <summary>A new empty database of the provider <typeparamref name="TApp"/> runs on.</summary>
    public static TestDatabase NewDatabase<TApp>()
        where TApp : AppFactory =>
        typeof(TApp) == typeof(PostgresAppFactory) ? PostgresTestDatabase.CreateNew() : SqliteTestDatabase.CreateNew();

    // Not public: xunit class fixtures need exactly one public constructor.
    protected AppFactory(TestDatabase database, bool deleteDatabase)
    {
        _database = database;
        _deleteDatabase = deleteDatabase;
        _settings["ConnectionStrings:Default"] = database.ConnectionString;
        _settings["Database:Provider"] = database.Provider.ToString();
    }

    /// <summary>When set, replaces the app's clock (must be set before the first client is made).</summary>
    public FakeTimeProvider? Time { get; set; }

    public TestDatabase Database => _database;

    /// <summary>
    /// Hash passwords with the production work factor (PBKDF2, Identity's default iterations). Off by default: a
    /// host hashes the first admin's password on start, and every token a test asks for verifies one, each ~0.1–0.3 s
    /// of CPU at the default, most of what a test host costs; test hosts hash with one iteration (same algorithm and
    /// format, the work is not what they test). Tests that measure the work itself (the unknown-email timing) set it.
    /// </summary>
    public bool ProductionPasswordHashing { get; set; }

    /// <summary>Replaces services for a test (e.g. a recording fake provider); set before the first client.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    /// <summary>Overrides configuration (before the first client is made).</summary>
    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting (not ConfigureAppConfiguration) so Program sees the values while it composes services.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (Time is not null && !_settings.ContainsKey("Qr:CacheSyncSeconds"))
        {
            // FakeTimeProvider.Advance fires a periodic timer once per period it skips: the QR cache sync's 2 s timer
            // would run its query ~43,000 times for a day's jump. One host has nothing to sync with; a test that
            // wants the sync on a fake clock sets the key itself.
            builder.UseSetting("Qr:CacheSyncSeconds", "0");
        }
        builder.ConfigureServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }
            if (!ProductionPasswordHashing)
            {
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
            }
        });
        builder.ConfigureTestServices(services =>
        {
            // Hangfire keeps its log provider in a static: a logger factory disposed with one test's
            // host must not break the next host, so all test hosts share one that is never disposed.
            services.RemoveAll<Microsoft.Extensions.Logging.ILoggerFactory>();
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(SharedLoggerFactory.Instance);
        });
        if (ConfigureTestServices is not null)
        {
            builder.ConfigureTestServices(ConfigureTestServices);
        }
    }

    /// <summary>A client signed in with a bearer token as a new user in <paramref name="role"/>.</summary>
    public async Task<HttpClient> CreateClientInRoleAsync(string role, CancellationToken ct = default)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        const string password = "a long enough test password";
        await CreateUserAsync(email, password, role);
        return await CreateClientWithTokenAsync(email, password, ct);
    }

    public Task<HttpClient> CreateAdminClientAsync(CancellationToken ct = default) =>
        CreateClientWithTokenAsync(AdminEmail, AdminPassword, ct);

    public async Task<HttpClient> CreateClientWithTokenAsync(string email, string password, CancellationToken ct = default)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async Task<ApplicationUser> CreateUserAsync(string email, string password, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
        return user;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_deleteDatabase)
        {
            _database.Delete();
        }
        GC.SuppressFinalize(this);
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn);
}

/// <summary>The real app over a throwaway database on the test PostgreSQL server (<see cref="PostgresTestServer"/>).</summary>
public sealed class PostgresAppFactory : AppFactory
{
    public PostgresAppFactory()
        : base(PostgresTestDatabase.CreateNew(), deleteDatabase: true)
    {
    }
}
