using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>Google:* settings (README, Configuration). Without them reviews come from the sandbox/demo source.</summary>
public sealed class GoogleOptions
{
    /// <summary>accounts/{accountId}</summary>
    public string? AccountId { get; set; }
    /// <summary>locations/{locationId}</summary>
    public string? LocationId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? RefreshToken { get; set; }
    public string ApiUrl { get; set; } = "https://mybusiness.googleapis.com/v4";
    public string TokenUrl { get; set; } = "https://oauth2.googleapis.com/token";
    public int PageSize { get; set; } = 50;

    public bool IsConfigured => !string.IsNullOrEmpty(AccountId) && !string.IsNullOrEmpty(LocationId)
        && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret) && !string.IsNullOrEmpty(RefreshToken);
}

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

public sealed record GoogleReviewer(
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("isAnonymous")] bool IsAnonymous);

public sealed record GoogleReply(
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("updateTime")] DateTime? UpdateTime);

public sealed record GoogleReviewPage(
    [property: JsonPropertyName("reviews")] IReadOnlyList<GoogleReview>? Reviews,
    [property: JsonPropertyName("averageRating")] double? AverageRating,
    [property: JsonPropertyName("totalReviewCount")] int? TotalReviewCount,
    [property: JsonPropertyName("nextPageToken")] string? NextPageToken);

/// <summary>A Google API error with its words (shown to staff).</summary>
public sealed class GoogleApiException(string message) : Exception(message);

/// <summary>Where Google reviews come from and replies go: the Business Profile API, or the sandbox.</summary>
public interface IGoogleReviewSource
{
    bool IsSandbox { get; }

    Task<GoogleReviewPage> ListAsync(string? pageToken, CancellationToken ct);

    /// <summary>updateReply: creates or replaces the reply of the review <paramref name="reviewName"/>.</summary>
    Task<GoogleReply> UpdateReplyAsync(string reviewName, string comment, CancellationToken ct);
}

/// <summary>
/// The Business Profile reviews API (https://developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews):
/// list with paging and updateReply, with an OAuth access token from the refresh token.
/// </summary>
public sealed class GoogleReviewsClient(HttpClient http, IOptions<GoogleOptions> options, GoogleTokenCache cache, TimeProvider time) : IGoogleReviewSource
{
    public bool IsSandbox => false;

    private GoogleOptions O => options.Value;

    private Task<string> TokenAsync(CancellationToken ct) => cache.GetAsync(time, FetchTokenAsync, ct);

    private async Task<(string Token, DateTime RefreshAfter)> FetchTokenAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        cache.CountRequest();
        using var response = await http.PostAsync(O.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = O.ClientId ?? "",
            ["client_secret"] = O.ClientSecret ?? "",
            ["refresh_token"] = O.RefreshToken ?? "",
        }), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode || !body.TryGetProperty("access_token", out var token))
        {
            throw new GoogleApiException($"Google sign-in failed ({(int)response.StatusCode}): {Error(body)}");
        }
        var expires = body.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 3600;
        return (token.GetString()!, now.AddSeconds(Math.Max(60, expires - 120)));
    }

    private static string Error(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error)
            ? error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : error.ToString()
            : body.ToString();

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string url, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(ct));
        return request;
    }

    public async Task<GoogleReviewPage> ListAsync(string? pageToken, CancellationToken ct)
    {
        var url = $"{O.ApiUrl.TrimEnd('/')}/{O.AccountId}/{O.LocationId}/reviews?pageSize={O.PageSize}&orderBy=updateTime%20desc"
            + (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}");
        using var request = await RequestAsync(HttpMethod.Get, url, ct);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new GoogleApiException($"Google reviews list failed ({(int)response.StatusCode}): {Error(await response.Content.ReadFromJsonAsync<JsonElement>(ct))}");
        }
        return await response.Content.ReadFromJsonAsync<GoogleReviewPage>(ct) ?? new GoogleReviewPage([], null, null, null);
    }

    public async Task<GoogleReply> UpdateReplyAsync(string reviewName, string comment, CancellationToken ct)
    {
        using var request = await RequestAsync(HttpMethod.Put, $"{O.ApiUrl.TrimEnd('/')}/{reviewName}/reply", ct);
        request.Content = JsonContent.Create(new { comment });
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new GoogleApiException($"Google refused the reply ({(int)response.StatusCode}): {Error(await response.Content.ReadFromJsonAsync<JsonElement>(ct))}");
        }
        return await response.Content.ReadFromJsonAsync<GoogleReply>(ct) ?? new GoogleReply(comment, time.GetUtcNow().UtcDateTime);
    }
}

/// <summary>The access token shared by every client instance until shortly before it expires.</summary>
public sealed class GoogleTokenCache : AccessTokenCache;

/// <summary>
/// The default source: a few demo Google reviews, and replies recorded instead of posted (so the whole
/// feature works without a Google account).
/// </summary>
public sealed class SandboxGoogleReviewSource(TimeProvider time) : IGoogleReviewSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GoogleReply> _replies = new();

    public bool IsSandbox => true;

    public IReadOnlyDictionary<string, GoogleReply> Replies => _replies;

    public Task<GoogleReviewPage> ListAsync(string? pageToken, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        const string prefix = "accounts/demo/locations/demo/reviews/";
        GoogleReview Review(string id, string name, string stars, string? comment, double daysAgo) =>
            new(prefix + id, id, new GoogleReviewer(name, false), stars, comment, now.AddDays(-daysAgo), now.AddDays(-daysAgo), _replies.GetValueOrDefault(prefix + id));
        IReadOnlyList<GoogleReview> reviews =
        [
            Review("demo-g-1", "Ava Miller", "FIVE", "Chef Ken was incredible — the kids loved the onion volcano and the fried rice was the best we've had. Worth every penny for my daughter's 10th birthday!", 3),
            Review("demo-g-2", "Marcus Reed", "FOUR", "Great food and show. Setup took a little longer than expected but the chef made up for it.", 9),
            Review("demo-g-3", "Dana Kim", "TWO", "Chef arrived 45 minutes late and we had to push dinner back. Food was good once it started.", 14),
            Review("demo-g-4", "Luis Ortega", "FIVE", null, 21),
        ];
        return Task.FromResult(new GoogleReviewPage(reviews, 4.0, reviews.Count, null));
    }

    public Task<GoogleReply> UpdateReplyAsync(string reviewName, string comment, CancellationToken ct)
    {
        var reply = new GoogleReply(comment, time.GetUtcNow().UtcDateTime);
        _replies[reviewName] = reply;
        return Task.FromResult(reply);
    }
}

public static class GoogleSetup
{
    public static IServiceCollection AddGoogleReviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GoogleOptions>(configuration.GetSection("Google"));
        services.AddSingleton<SandboxGoogleReviewSource>();
        services.AddSingleton<GoogleTokenCache>();
        services.AddHttpClient<GoogleReviewsClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        if ((configuration.GetSection("Google").Get<GoogleOptions>() ?? new GoogleOptions()).IsConfigured)
        {
            services.AddTransient<IGoogleReviewSource>(sp => sp.GetRequiredService<GoogleReviewsClient>());
        }
        else
        {
            services.AddSingleton<IGoogleReviewSource>(sp => sp.GetRequiredService<SandboxGoogleReviewSource>());
        }
        return services;
    }
}
