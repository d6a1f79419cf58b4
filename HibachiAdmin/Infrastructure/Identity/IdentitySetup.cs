using System.Security.Claims;
using System.Threading.RateLimiting;
using HibachiAdmin.Components.Account;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace HibachiAdmin.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>Cookie for people, bearer for scripts; chosen per request by the Authorization header.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static WebApplicationBuilder AddIdentityAndAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                IsBearerRequest(ctx.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "hibachi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The JSON API answers with status codes, never with a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        // Disabling a user or changing roles rotates the security stamp; cookies notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddScoped<AdminBootstrapper>();
        services.AddSingleton<IDemoSeedContributor, DemoUsersSeed>();
        services.AddSingleton<UnknownAccountLockout>();

        services.AddDataProtection()
            .SetApplicationName("HibachiAdmin")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ManagerPlus, p => p.RequireRole(Roles.Admin, Roles.Manager))
            .AddPolicy(Policies.MarketingPlus, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Marketing))
            .AddPolicy(Policies.StaffPlus, p => p.RequireRole(Roles.All));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await Results.Problem(statusCode: 429, title: "Too many requests",
                        detail: "Too many attempts from this address. Wait a minute and try again.")
                    .ExecuteAsync(ctx.HttpContext);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                var limit = AnonymousLimitFor(ctx.Request, builder.Configuration);
                if (limit is null)
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }
                var ip = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{limit.Value.Key}:{ip}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.Value.Permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    /// <summary>Whether the request is authenticated by its bearer token (else by the staff cookie): the header decides, as it does for <see cref="CookieOrBearer"/>.</summary>
    public static bool IsBearerRequest(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Which anonymous, guessable endpoints are limited per client address (and how much).</summary>
    private static (string Key, int Permits)? AnonymousLimitFor(HttpRequest request, IConfiguration configuration)
    {
        // The customer's quote and pay page: every method, so tokens cannot be guessed at speed.
        if (request.Path.StartsWithSegments("/p", StringComparison.OrdinalIgnoreCase))
        {
            return ("customer-page", configuration.GetValue("RateLimits:CustomerPagePerMinute", 60));
        }
        // Calendar feeds (/ical/{token}.ics): calendar apps poll them now and then; a burst is someone guessing tokens.
        if (request.Path.StartsWithSegments("/ical", StringComparison.OrdinalIgnoreCase))
        {
            return ("calendar-feed", configuration.GetValue("RateLimits:CalendarFeedPerMinute", 30));
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }
        var path = request.Path;
        var perMinute = configuration.GetValue("RateLimits:SignInPerMinute", 20);
        if (path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase))
        {
            return ("signin", perMinute);
        }
        if (path.StartsWithSegments("/inquiry", StringComparison.OrdinalIgnoreCase))
        {
            return ("inquiry", configuration.GetValue("RateLimits:InquiryPerMinute", 10));
        }
        return null;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    internal static async Task<bool> IsStampCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var signIn = services.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signIn.ValidateSecurityStampAsync(principal);
        return user is not null && !user.IsDisabled;
    }
}
