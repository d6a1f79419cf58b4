using System.Reflection;
using System.Security.Claims;
using Bunit;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HibachiAdmin.Tests.Components;

/// <summary>
/// Renders every routable interactive page against the real, demo-seeded app services as an Admin,
/// and checks each renders its own title (an explicit list by route) without throwing. New pages are picked up automatically.
/// </summary>
public sealed class PageSmokeTests(DemoAppFactory factory) : IClassFixture<DemoAppFactory>
{
    /// <summary>Each page's own title by route: a page that renders another page's header (or none) fails. New pages are added here.</summary>
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["/"] = "Home",
        ["/contacts"] = "Contacts",
        ["/contacts/{Id:guid}"] = "Customer", // an unknown id: the page's own header
        ["/leads"] = "Leads",
        ["/inbox"] = "Inbox",
        ["/reviews"] = "Reviews",
        ["/social/analytics"] = "Social analytics",
        ["/calls"] = "Calls",
        ["/alerts"] = "Alerts",
        ["/bookings"] = "Bookings",
        ["/bookings/{Id:guid}"] = "Booking",
        ["/bookings/{Id:guid}/sheet"] = "Event sheet", // an unknown id: the page's own header
        ["/calendar"] = "Calendar",
        ["/admin/calendar-feeds"] = "Calendar feeds",
        ["/admin/users"] = "Users",
        ["/admin/team"] = "Team",
        ["/chefs/{Id:guid}"] = "Chef schedule", // an unknown id: the page's own header
        ["/admin/integrations"] = "Integrations",
        ["/admin/compliance"] = "Compliance",
        ["/admin/events"] = "Events",
        ["/admin/pricing"] = "Pricing",
        ["/payments"] = "Payments",
        ["/campaigns"] = "Campaigns",
        ["/campaigns/new"] = "New campaign",
        ["/saved-replies"] = "Saved replies",
        ["/campaigns/{Id:guid}"] = "Campaign", // an unknown id: the page's own header before a campaign loads
        ["/qr-codes"] = "QR codes",
        ["/qr-codes/new"] = "New QR code",
        ["/qr-codes/{Id:guid}"] = "QR code",
        ["/qr-codes/print"] = "Print sheet",
        ["/qr-codes/analytics"] = "QR analytics",
    };

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var type in RoutablePages())
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    private static IEnumerable<Type> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            // Static SSR pages (sign-in, password) need an HttpContext; browser tests cover them.
            .Where(t => t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)
            .Where(t => t.Namespace?.Contains(".Account", StringComparison.Ordinal) != true)
            .Where(t => t.Name is not ("Error" or "NotFound"))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_renders_its_title_for_an_admin(string pageTypeName)
    {
        var pageType = typeof(Program).Assembly.GetType(pageTypeName)!;
        _ = factory.Services; // starts the host: migrations, admin, demo data
        using var scope = factory.Services.CreateScope();
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(AppFactory.AdminEmail);
        auth.SetRoles(Roles.All);
        auth.SetPolicies(Policies.Admin, Policies.ManagerPlus, Policies.MarketingPlus, Policies.StaffPlus);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "smoke-test-user"));
        ctx.Services.AddFallbackServiceProvider(scope.ServiceProvider);

        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render(builder =>
        {
            builder.OpenComponent(0, pageType);
            foreach (var property in pageType.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                         .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null))
            {
                // Route parameters get a well-formed value for an id that does not exist.
                object? value = property.PropertyType == typeof(Guid) ? Guid.NewGuid()
                    : property.PropertyType == typeof(int) ? 1
                    : property.PropertyType == typeof(string) ? "smoke"
                    : null;
                if (value is not null)
                {
                    builder.AddAttribute(1, property.Name, value);
                }
            }
            builder.CloseComponent();
        });

        var route = pageType.GetCustomAttributes<RouteAttribute>().First().Template;
        Assert.True(Titles.TryGetValue(route, out var title), $"{pageTypeName} ({route}) has no expected title in PageSmokeTests.Titles: add it.");
        cut.WaitForAssertion(() => Assert.Equal(title, Assert.Single(cut.FindAll("h1")).TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("data-testid=\"page-error\"", cut.Markup, StringComparison.Ordinal);
    }
}
