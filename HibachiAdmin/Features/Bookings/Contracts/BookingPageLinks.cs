namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>Addresses of the booking page that other features link to.</summary>
public static class BookingPageLinks
{
    /// <summary>The query parameter (and its value) that asks the booking page's quote panel to open its editor.</summary>
    public const string QuoteParameter = "quote";
    public const string QuoteOpen = "open";

    /// <summary>The booking page with its quote editor open (relative to the app's base).</summary>
    public static string Quote(Guid bookingId) => $"bookings/{bookingId}?{QuoteParameter}={QuoteOpen}";
}
