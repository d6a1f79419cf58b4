namespace HibachiAdmin.Features.Calendar;

/// <summary>The bookings calendar (<c>/calendar</c>) and the calendar feeds (<c>/ical/{token}.ics</c>, managed on <c>/admin/calendar-feeds</c>).</summary>
public static class CalendarFeature
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarService>();
        builder.Services.AddSingleton<CalendarFeedService>();
        builder.Services.AddSingleton<Bookings.Contracts.IChefRowPanel, ChefFeedPanelRegistration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapCalendarFeeds();
        return app;
    }
}
