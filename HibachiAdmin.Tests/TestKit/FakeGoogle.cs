using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>A fake Business Profile API: token endpoint, a two-page review list, and updateReply.</summary>
public sealed class FakeGoogle : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGoogle(WebApplication app) => _app = app;

    public List<string> Authorizations { get; } = [];
    public List<string> ListUrls { get; } = [];
    public List<(string Name, string Body)> Replies { get; } = [];
    public List<object> SecondPage { get; } = [Review("AbFvOqmFakeReviewId0004", "Mia Lopez", "FIVE", "Amazing chef!", "2025-02-20T12:00:00Z")];
    public bool FailReplies { get; set; }

    /// <summary>When set, updateReply answers 200 with this body instead of the documented response.</summary>
    public string? ReplyBody { get; set; }

    public string Url => _app.Url();

    public static object Review(string id, string name, string stars, string? comment, string at) => new
    {
        name = $"accounts/112233445566778899001/locations/9988776655443322110/reviews/{id}",
        reviewId = id,
        reviewer = new { displayName = name, isAnonymous = false },
        starRating = stars,
        comment,
        createTime = at,
        updateTime = at,
    };

    public static async Task<FakeGoogle> StartAsync()
    {
        FakeGoogle? fake = null;
        var app = await LoopbackServer.StartAsync(app => Map(app, () => fake!));
        fake = new FakeGoogle(app);
        return fake;
    }

    private static void Map(WebApplication app, Func<FakeGoogle> current)
    {
        app.MapPost("/token", () => Results.Json(new { access_token = "access-1", expires_in = 3599, token_type = "Bearer" }));
        app.MapGet("/v4/accounts/{account}/locations/{location}/reviews", (HttpContext ctx) =>
        {
            var fake = current();
            lock (fake.ListUrls)
            {
                fake.ListUrls.Add(ctx.Request.Path + ctx.Request.QueryString);
                fake.Authorizations.Add(ctx.Request.Headers.Authorization.ToString());
            }
            if (ctx.Request.Query["pageToken"] == "CiQwMDAwLWZha2UtcGFnZS10b2tlbg")
            {
                return Results.Json(new { reviews = fake.SecondPage, averageRating = 4.3, totalReviewCount = 57 });
            }
            return Results.Text(Fixtures.Read("google-reviews-list.json"), "application/json");
        });
        app.MapPut("/v4/accounts/{account}/locations/{location}/reviews/{id}/reply", async (HttpContext ctx, string account, string location, string id) =>
        {
            var fake = current();
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (fake.FailReplies)
            {
                return Results.Json(new { error = new { code = 400, message = "The location is not verified.", status = "FAILED_PRECONDITION" } }, statusCode: 400);
            }
            lock (fake.Replies)
            {
                fake.Replies.Add(($"accounts/{account}/locations/{location}/reviews/{id}", body));
            }
            return Results.Text(fake.ReplyBody ?? Fixtures.Read("google-review-reply-response.json"), "application/json");
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
