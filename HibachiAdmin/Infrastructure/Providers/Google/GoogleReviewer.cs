using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.Google;

public sealed record GoogleReviewer(
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("isAnonymous")] bool IsAnonymous);
