using HibachiAdmin.Components;
using HibachiAdmin.Components.Account;
using HibachiAdmin.Features.Admin;
using HibachiAdmin.Features.Alerts;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Calendar;
using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Dashboard;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Jobs;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Telemetry;
using HibachiAdmin.Infrastructure.Web;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<HibachiAdmin.Common.Formats>();
builder.AddData();
builder.AddIdentityAndAuth();
builder.AddApiConventions();
builder.AddApiDocs();
builder.AddTelemetry();
builder.AddJobs();
builder.AddEvents();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Toasts bottom-left, short and never stacked twice for the same words: top-right (MudBlazor's default) sat over the
// page header's primary buttons ("Print event sheet" hidden for ~7 s behind two of them).
builder.Services.AddMudServices(mud =>
{
    mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
    mud.SnackbarConfiguration.VisibleStateDuration = 4000;
    mud.SnackbarConfiguration.PreventDuplicates = true;
    mud.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
});
builder.Services.AddScoped<UserPreferences>();
builder.Services.AddSingleton<DemoSeeder>();

builder.AddContacts();
builder.AddLeads();
builder.AddAdmin();
builder.AddAi();
builder.AddMessaging();
builder.AddInbox();
builder.AddReviews();
builder.AddCalls();
builder.AddCampaigns();
builder.AddBookings();
builder.AddPayments();
builder.AddCalendar();
builder.AddDashboard();
builder.AddQrCodes();
builder.AddAlerts();

var app = builder.Build();

// First: HSTS, secure cookies, rate limits and logs all need the client's scheme and address as the
// trusted proxy forwarded them (HSTS skips a request it sees as plain http).
app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseErrorResponses();
app.UseRequestBodyLimit();
// No UseStaticFiles: MapStaticAssets (below) serves wwwroot and the packages' assets from the build's manifest,
// fingerprinted, with ETags, immutable caching and the precompressed (gzip/brotli) copies. UseStaticFiles in front
// of it answered first with the uncompressed file (MudBlazor's 627 KB stylesheet on every first visit).
// Routing after the status-code pages so a re-executed 404 is routed to the not-found page.
app.UseRouting();
app.UseAuthentication();
app.UseBearerStampValidation();
app.UseRateLimiter();
app.UseMustChangePassword();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapAuthEndpoints();
app.MapApiDocs();
app.MapJobsDashboard();
app.MapTelemetry();
app.MapContacts();
app.MapLeads();
app.MapMessaging();
app.MapInbox();
app.MapReviews();
app.MapCalls();
app.MapCampaigns();
app.MapBookings();
app.MapPayments();
app.MapCalendar();
app.MapDashboard();
app.MapQrCodes();
app.MapAlerts();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();

app.Run();

/// <summary>Entry point type, public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
