namespace HibachiAdmin.Infrastructure.Providers.Ai;

public enum IntentKind
{
    BookingInquiry,
    PricingQuestion,
    Availability,
    Complaint,
    OptOut,
    Other,
}
