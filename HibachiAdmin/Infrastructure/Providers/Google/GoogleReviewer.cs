using System.Text.Json.Serialization;

namespace HibachiAdmin.Infrastructure.Providers.Google;

public sealed record GoogleReviewer(
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("isAnonymous")] bool IsAnonymous);
