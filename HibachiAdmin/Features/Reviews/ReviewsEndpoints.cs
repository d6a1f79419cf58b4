using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Reviews;

public static class ReviewsEndpoints
{
    /// <param name="ReplyVersion">
    /// Optional: the version of the reply the caller read (<c>replyVersion</c> of the review). A manager sending it
    /// approves the reply only as of that version; anyone sending it replaces only that version.
    /// </param>
    public sealed record ReplyRequest(
        [property: Required, StringLength(ReviewService.MaxReply, MinimumLength = 1)] string? Text,
        [property: Range(0, int.MaxValue)] int? ReplyVersion = null);

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/social").WithTags("Reviews").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/reviews", ListAsync).WithSummary("Reviews with rating, text and reply; filters platform, rating, unreplied");
        group.MapPost("/reviews/{id:guid}/reply", ReplyAsync)
            .WithSummary("Reply to a review: Google replies are posted, Yelp/Facebook marked for posting by hand; 3 stars or less wait for a manager unless a manager replies; "
                + "with replyVersion, 409 when the reply changed since that version");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<ReviewDto>>, ValidationProblem>> ListAsync(
        ReviewService reviews, string? platform, int? rating, bool? unreplied, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        var errors = paging.Validate() ?? [];
        var p = StrictEnum.Query<ReviewPlatform>(platform, "platform", errors);
        if (rating is < 1 or > 5)
        {
            errors["rating"] = ["Expected a rating from 1 to 5."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await reviews.ListAsync(new ReviewQuery(p, rating, unreplied ?? false, paging.Page, paging.PageSize), ct));
    }

    private static async Task<Results<Ok<ReviewDto>, Accepted<ReviewDto>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        Guid id, ReplyRequest request, ReviewService reviews, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var approver = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager);
        var outcome = await reviews.ReplyAsync(id, request.Text!, request.ReplyVersion, Actor.From(user), approver, ct);
        return outcome.Reason switch
        {
            "notFound" => TypedResults.Problem(statusCode: 404, title: "Review not found"),
            // Stryker disable once all : unreachable through this endpoint (the request's own validation refuses a blank or over-long text first); kept so the service's answer always has a mapping
            "invalid" => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [outcome.Detail!] }),
            "needsApproval" => TypedResults.Accepted($"/api/v1/admin/social/reviews/{id}", outcome.Review!),
            // The reply as it is now comes along, so the caller can read it and approve (or replace) that version.
            "changed" => TypedResults.Problem(statusCode: 409, title: "Reply changed", detail: outcome.Detail, extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { ["replyVersion"] = [outcome.Detail!] },
                ["reply"] = outcome.Review!.Reply,
                ["replyVersion"] = outcome.Review.ReplyVersion,
            }),
            "posting" => TypedResults.Problem(statusCode: 409, title: "Reply being posted", detail: outcome.Detail),
            "providerError" => TypedResults.Problem(statusCode: 502, title: "Reply not posted", detail: outcome.Detail),
            _ => TypedResults.Ok(outcome.Review!),
        };
    }
}
