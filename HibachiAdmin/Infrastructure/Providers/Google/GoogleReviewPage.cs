using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.Google;

public sealed record GoogleReviewPage(
    [property: JsonPropertyName("reviews")] IReadOnlyList<GoogleReview>? Reviews,
    [property: JsonPropertyName("averageRating")] double? AverageRating,
    [property: JsonPropertyName("totalReviewCount")] int? TotalReviewCount,
    [property: JsonPropertyName("nextPageToken")] string? NextPageToken);
