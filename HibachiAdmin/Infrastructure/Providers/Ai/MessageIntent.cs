namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>What a customer's message asks for, with the booking details it mentions.</summary>
public sealed record MessageIntent(
    IntentKind Kind,
    double Confidence,
    DateOnly? EventDate = null,
    int? GuestCount = null,
    string? Zip = null,
    string? City = null,
    string? Occasion = null,
    decimal? Budget = null);
