using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Jobs;

namespace HibachiAdmin.Features.Bookings;

public static class BookingsFeature
{
    public static WebApplicationBuilder AddBookings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Contracts.BookingChanges>();
        builder.Services.AddSingleton<BookingService>();
        builder.Services.AddSingleton<Contracts.IBookingCalendar>(sp => sp.GetRequiredService<BookingService>());
        builder.Services.AddSingleton<Contracts.IBookingService>(sp => sp.GetRequiredService<BookingService>());
        builder.Services.AddSingleton<Contracts.IBookingMoney>(sp => sp.GetRequiredService<BookingService>());
        builder.Services.AddSingleton<Leads.Contracts.ILeadBookings, LeadBookings>();
        builder.Services.AddSingleton<Chefs.ChefService>();
        builder.Services.AddSingleton<Contracts.IChefDirectory>(sp => sp.GetRequiredService<Chefs.ChefService>());
        builder.Services.AddSingleton<Sheet.SheetService>();
        builder.Services.AddSingleton<Contracts.IPartiesOfTheDay>(sp => sp.GetRequiredService<Sheet.SheetService>());
        builder.Services.AddSingleton<IEventHandler, Sheet.ChefAssignmentTexts>();
        builder.Services.AddTransient<Sheet.ChefNoticesJob>();
        builder.Services.AddRecurringJob<Sheet.ChefNoticesJob>(Sheet.ChefNoticesJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        builder.Services.AddSingleton<IEventHandler, BookingSaga>();
        builder.Services.AddTransient<DueMessagesJob>();
        builder.Services.AddRecurringJob<DueMessagesJob>(DueMessagesJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        builder.Services.AddSingleton<IDemoSeedContributor, BookingsDemoSeed>();
        builder.Services.AddSingleton<IDemoSeedContributor, Chefs.ChefsDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder app)
    {
        app.MapBookingsApi();
        Chefs.ChefsEndpoints.MapChefsApi(app);
        Sheet.SheetEndpoints.MapSheetApi(app);
        return app;
    }
}
