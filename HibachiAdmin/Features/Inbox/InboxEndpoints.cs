using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Inbox;

public static class InboxEndpoints
{
    public sealed record ReplyRequest([property: Required, StringLength(1000, MinimumLength = 1)] string? Text);

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/social").WithTags("Inbox").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/inbox", ListAsync);
        group.MapGet("/threads/{id:guid}", GetAsync);
        group.MapPost("/threads/{id:guid}/reply", ReplyAsync);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<ThreadSummary>>, ValidationProblem>> ListAsync(
        InboxService inbox, string? platform, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        var errors = paging.Validate() ?? [];
        Platform? p = null;
        ThreadStatus? s = null;
        if (!string.IsNullOrEmpty(platform))
        {
            if (!platform.Any(char.IsDigit) && Enum.TryParse<Platform>(platform, true, out var parsed)) { p = parsed; }
            else { errors["platform"] = ["platform must be sms, instagram or facebook."]; }
        }
        if (!string.IsNullOrEmpty(status))
        {
            if (!status.Any(char.IsDigit) && Enum.TryParse<ThreadStatus>(status, true, out var parsed)) { s = parsed; }
            else { errors["status"] = ["status must be open or closed."]; }
        }
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
