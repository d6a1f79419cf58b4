using System.Text.Json.Serialization;

namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>A Google review as the Business Profile API returns it (PROTOCOLS.md 3.1).</summary>
public sealed record GoogleReview(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("reviewId")] string ReviewId,
    [property: JsonPropertyName("reviewer")] GoogleReviewer? Reviewer,
    [property: JsonPropertyName("starRating")] string? StarRating,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("createTime")] DateTime CreateTime,
    [property: JsonPropertyName("updateTime")] DateTime UpdateTime,
    [property: JsonPropertyName("reviewReply")] GoogleReply? ReviewReply)
{
    /// <summary>ONE..FIVE as 1..5; 0 for STAR_RATING_UNSPECIFIED or anything unknown.</summary>
    public int Stars => StarRating switch { "ONE" => 1, "TWO" => 2, "THREE" => 3, "FOUR" => 4, "FIVE" => 5, _ => 0 };
}
