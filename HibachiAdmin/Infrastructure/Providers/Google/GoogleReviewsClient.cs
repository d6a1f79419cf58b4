using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.Google;

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
