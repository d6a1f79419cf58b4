using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

public static class BookingsFeature
{
    public static WebApplicationBuilder AddBookings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BookingService>();
        builder.Services.AddSingleton<IEventHandler, BookingSaga>();
        builder.Services.AddTransient<DueMessagesJob>();
        builder.Services.AddSingleton<IDemoSeedContributor, BookingsDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder app)
    {
        app.MapBookingsApi();
        return app;
    }
}
