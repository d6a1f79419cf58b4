using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Reviews;

public static class ReviewsEndpoints
{
    public sealed record ReplyRequest([property: Required, StringLength(ReviewService.MaxReply, MinimumLength = 1)] string? Text);

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/social").WithTags("Reviews").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/reviews", ListAsync).WithSummary("Reviews with rating, text and reply; filters platform, rating, unreplied");
        group.MapPost("/reviews/{id:guid}/reply", ReplyAsync)
            .WithSummary("Reply to a review: Google replies are posted, Yelp/Facebook marked for posting by hand; 3 stars or less wait for a manager unless a manager replies");
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
        var outcome = await reviews.ReplyAsync(id, request.Text!, Actor.From(user), approver, ct);
        return outcome.Reason switch
        {
            "notFound" => TypedResults.Problem(statusCode: 404, title: "Review not found"),
            "invalid" => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [outcome.Detail!] }),
            "needsApproval" => TypedResults.Accepted($"/api/v1/admin/social/reviews/{id}", outcome.Review!),
            "providerError" => TypedResults.Problem(statusCode: 502, title: "Reply not posted", detail: outcome.Detail),
            _ => TypedResults.Ok(outcome.Review!),
        };
    }
}
