using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Jobs;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// Money: the pricing catalogue, quotes, the customer's page, checkouts (Stripe, or the sandbox by default) and
/// Stripe's webhook, processed by Messaging's inbound pipeline through <see cref="IProviderEventHandler"/>.
/// </summary>
public static class PaymentsFeature
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<PaymentsOptions>(builder.Configuration.GetSection("Payments"));
        services.Configure<StripeOptions>(builder.Configuration.GetSection("Stripe"));
        services.AddSingleton<StripeWebhookSecret>();
        services.AddSingleton<StripeWebhookReceiver>();
        services.AddSingleton<SandboxStripe>();
        services.AddSingleton<StripeCheckoutProvider>();
        services.AddSingleton<ICheckoutProvider>(sp =>
            string.Equals(builder.Configuration["Payments:Provider"], PaymentsOptions.Stripe, StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<StripeCheckoutProvider>()
                : sp.GetRequiredService<SandboxStripe>());
        services.AddSingleton<PaymentsService>();
        services.AddSingleton<Contracts.IPayLinks>(sp => sp.GetRequiredService<PaymentsService>());
        services.AddSingleton<PricingService>();
        services.AddSingleton<PaymentsLedger>();
        services.AddSingleton<IPartyMenuSource, AcceptedQuoteMenu>();
        services.AddSingleton<Contracts.IPaymentsLedger>(sp => sp.GetRequiredService<PaymentsLedger>());
        services.AddSingleton<IProviderEventHandler, StripeEventHandler>();
        services.AddTransient<BalanceRemindersJob>();
        services.AddRecurringJob<BalanceRemindersJob>(BalanceRemindersJob.Id, "*/15 * * * *", j => j.RunAsync(CancellationToken.None));
        services.AddSingleton<IBookingPagePanel, BookingMoneyPanelRegistration>();
        services.AddSingleton<IDemoSeedContributor, PaymentsDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        app.MapStripeWebhooks();
        app.MapPaymentsApi();
        return app;
    }
}
