using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.Google;

public sealed record GoogleReply(
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("updateTime")] DateTime? UpdateTime);
