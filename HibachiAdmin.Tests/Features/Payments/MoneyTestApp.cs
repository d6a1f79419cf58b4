using System.Net;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>
/// The money suites' set-up: the app on the frozen clock with jobs run by hand, a recording SMS provider, a known
/// Stripe webhook secret, a customer with a lead and a booking; and Stripe-shaped events signed like Stripe's.
/// </summary>
public class MoneyTestApp : IAsyncDisposable
{
    public const string Secret = "whsec_money_tests_0123456789";

    public AppFactory App { get; }
    public FakeTimeProvider Time { get; } = TestClock.Frozen();
    public RecordingSmsProvider Sms { get; } = new();
    public FaultInjector Faults { get; } = new();

    public MoneyTestApp(string provider = "Sandbox", string? secret = Secret, string? apiBase = null)
    {
        App = new AppFactory
        {
            Time = Time,
            ConfigureTestServices = s =>
            {
                s.AddSingleton<IInterceptor>(Faults);
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(Sms);
            },
        }.With("Hangfire:ProcessJobs", "false").With("Stripe:WebhookSecret", secret).With("Payments:Provider", provider)
            .With("RateLimits:CustomerPagePerMinute", "1000000").With("Business:PricePerPerson", "60").With("Business:MinimumGuests", "10")
            .With("Payments:TaxRatePercent", "8.875").With("Payments:GratuityPercent", "18").With("Payments:DepositPercent", "25")
            .With("Payments:MinimumTotal", "600").With("Payments:BalanceDueDays", "3");
        if (apiBase is not null)
        {
            App.With("Stripe:ApiBase", apiBase.TrimEnd('/')).With("Stripe:SecretKey", "sk_test_fake");
        }
    }

    public IServiceProvider Services => App.Services;
    public PaymentsService Payments => Services.GetRequiredService<PaymentsService>();
    public BookingService Bookings => Services.GetRequiredService<BookingService>();

    public sealed record Party(Guid ContactId, string Phone, Guid LeadId, Guid BookingId);

    /// <summary>A customer (texts allowed), their lead and a requested booking for 20 guests on 19 December in ZIP 10001.</summary>
    public async Task<Party> PartyAsync(int guests = 20)
    {
        var phone = TestPhones.Next("212");
        var contacts = Services.GetRequiredService<ContactService>();
        var contact = (await contacts.FindOrCreateByPhoneAsync(phone.Typed, "Pat Money", default))!.Value.Contact;
        await PersonConsent.SetAsync(Services, contact.Id, SmsConsent.OptedIn);
        var lead = (await Services.GetRequiredService<LeadService>().CreateOrUpdateOpenLeadAsync(new NewLead(contact.Id, LeadSource.Sms), Actor.System, default)).LeadId;
        var booking = (await Bookings.RequestAsync(new BookingRequested(contact.Id, lead, new DateOnly(2026, 12, 19), new TimeOnly(18, 0), guests, 60m,
            "1 Main St", "10001", null, null), Actor.System, default)).Booking!;
        return new Party(contact.Id, phone.E164, lead, booking.Id);
    }

    public static readonly QuoteDraft TwentyAdults = new(20, 0, null, null, [], null, null, null);

    /// <summary>Sends a quote and returns the customer's token.</summary>
    public async Task<(Quote Quote, string Token)> QuoteAsync(Guid bookingId, QuoteDraft? draft = null)
    {
        var result = await Payments.SendAsync(bookingId, draft ?? TwentyAdults, Actor.System, "https://hibachi.test", default);
        Assert.NotNull(result.Url);
        return (result.Quote!, result.Url!.Split("/p/")[1]);
    }

    /// <summary>Accepts, starts a checkout and pays it in the sandbox; returns the session id.</summary>
    public async Task<string> AcceptAndPayAsync(string token, Guid quoteId)
    {
        var (ok, error) = await Payments.AcceptAsync(token, quoteId, "Pat Money", "203.0.113.7", "test-browser", default);
        Assert.True(ok, error);
        return await PayAsync(token);
    }

    public async Task<string> PayAsync(string token)
    {
        var checkout = await Payments.StartCheckoutAsync(token, "https://hibachi.test/p/" + token, default);
        Assert.NotNull(checkout.Url);
        var session = checkout.Url!.Split("?checkout=")[1];
        Assert.True(await Services.GetRequiredService<SandboxStripe>().PayAsync(session, default));
        return session;
    }

    public Task RunAsync() => Pipeline.RunToCompletionAsync(Services);

    public async Task<BookingRow> RowAsync(Guid bookingId) => (await Bookings.GetAsync(bookingId, default))!;

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    public Task<int> TextsToAsync(string phone, string containing) =>
        DbAsync(db => db.Set<OutboundMessage>().CountAsync(m => m.To == phone && m.Text.Contains(containing)));

    // Stripe-shaped events (the fields we read, as Stripe names them).
    public static string Completed(string eventId, Guid bookingId, string installment, long cents, string intent, string status = "paid", string type = "checkout.session.completed") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = eventId, ["object"] = "event", ["type"] = type, ["created"] = TestClock.Start.ToUnixTimeSeconds(), ["livemode"] = false,
            ["data"] = new { @object = new Dictionary<string, object?>
            {
                ["id"] = "cs_test_" + intent, ["object"] = "checkout.session", ["amount_total"] = cents, ["currency"] = "usd", ["mode"] = "payment",
                ["payment_intent"] = intent, ["payment_status"] = status, ["status"] = "complete",
                ["metadata"] = new Dictionary<string, string> { ["bookingId"] = bookingId.ToString(), ["installment"] = installment },
            } },
        });

    public static string Refunded(string eventId, string intent, long amountCents, long refundedCents) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = eventId, ["object"] = "event", ["type"] = "charge.refunded",
        ["data"] = new { @object = new Dictionary<string, object?>
        {
            ["id"] = "ch_" + intent, ["object"] = "charge", ["amount"] = amountCents, ["amount_refunded"] = refundedCents, ["payment_intent"] = intent,
            ["refunded"] = refundedCents >= amountCents, ["currency"] = "usd",
        } },
    });

    public static string Disputed(string eventId, string intent, long amountCents) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = eventId, ["object"] = "event", ["type"] = "charge.dispute.created",
        ["data"] = new { @object = new Dictionary<string, object?>
        {
            ["id"] = "dp_" + intent, ["object"] = "dispute", ["amount"] = amountCents, ["payment_intent"] = intent, ["reason"] = "fraudulent", ["status"] = "needs_response",
        } },
    });

    /// <summary>Posts the body to the webhook signed as Stripe signs it (with <paramref name="secret"/>, at <paramref name="at"/>).</summary>
    public async Task<HttpStatusCode> PostEventAsync(string json, string secret = Secret, DateTimeOffset? at = null, string? header = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stripe/webhooks") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Stripe-Signature", header ?? StripeSignature.Sign(body, secret, (at ?? Time.GetUtcNow()).ToUnixTimeSeconds()));
        using var client = App.CreateClient();
        return (await client.SendAsync(request)).StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
