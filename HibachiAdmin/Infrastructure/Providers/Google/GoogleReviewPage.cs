using System.Text.Json.Serialization;

namespace HibachiAdmin.Infrastructure.Providers.Google;

public sealed record GoogleReviewPage(
    [property: JsonPropertyName("reviews")] IReadOnlyList<GoogleReview>? Reviews,
    [property: JsonPropertyName("averageRating")] double? AverageRating,
    [property: JsonPropertyName("totalReviewCount")] int? TotalReviewCount,
    [property: JsonPropertyName("nextPageToken")] string? NextPageToken);
