namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>Details a reply can lean on (the matched booking of a review, a lead).</summary>
public sealed record SuggestionContext(DateOnly? EventDate = null, int? Guests = null, string? Package = null, string? CustomerName = null);
