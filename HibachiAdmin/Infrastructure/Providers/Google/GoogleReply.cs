using System.Text.Json.Serialization;

namespace HibachiAdmin.Infrastructure.Providers.Google;

public sealed record GoogleReply(
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("updateTime")] DateTime? UpdateTime);
