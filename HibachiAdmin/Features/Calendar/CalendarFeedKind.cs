namespace HibachiAdmin.Features.Calendar;

/// <summary>Whose parties a calendar feed lists.</summary>
public enum CalendarFeedKind
{
    /// <summary>Every party of the business (never a customer's phone number).</summary>
    Business,
    /// <summary>One chef's parties.</summary>
    Chef,
}
