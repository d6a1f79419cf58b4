namespace HibachiAdmin.Features.Payments;

public enum QuoteLineKind
{
    Guests,
    AddOn,
    Minimum,
    Travel,
    Gratuity,
    Tax,
}
