using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Inbox;

public static class InboxEndpoints
{
    public sealed record ReplyRequest([property: Required, StringLength(MaxReply, MinimumLength = 1)] string? Text);

    public const int MaxReply = 1000;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/social").WithTags("Inbox").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/inbox", ListAsync).WithSummary("Threads across Instagram, Facebook and SMS; filters platform and status");
        group.MapGet("/threads/{id:guid}", GetAsync).WithSummary("A thread with its messages");
        group.MapPost("/threads/{id:guid}/reply", ReplyAsync).WithSummary("Reply in the thread through its platform's provider");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<ThreadSummary>>, ValidationProblem>> ListAsync(
        InboxService inbox, string? platform, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        var errors = paging.Validate() ?? [];
        var p = StrictEnum.Query<Platform>(platform, "platform", errors);
        var s = StrictEnum.Query<ThreadStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await inbox.ListAsync(p, s, paging.Page, paging.PageSize, ct));
    }

    private static async Task<Results<Ok<ThreadDetail>, ProblemHttpResult>> GetAsync(Guid id, InboxService inbox, CancellationToken ct) =>
        await inbox.GetAsync(id, markRead: false, ct) is { } thread ? TypedResults.Ok(thread) : TypedResults.Problem(statusCode: 404, title: "Thread not found");

    private static async Task<Results<Ok<ThreadDetail>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        Guid id, ReplyRequest request, InboxService inbox, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (sent, reason) = await inbox.ReplyAsync(id, request.Text!.Trim(), Actor.From(user), ct);
        if (reason == "notFound")
        {
            return TypedResults.Problem(statusCode: 404, title: "Thread not found");
        }
        if (!sent)
        {
            return TypedResults.Problem(statusCode: 409, title: "Reply not sent", detail: $"The text was refused: {reason}.",
                extensions: new Dictionary<string, object?> { ["reason"] = reason });
        }
        return TypedResults.Ok((await inbox.GetAsync(id, markRead: false, ct))!);
    }
}
