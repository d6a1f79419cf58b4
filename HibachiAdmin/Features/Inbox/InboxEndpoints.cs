using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Providers.Ai;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Inbox;

public static class InboxEndpoints
{
    /// <param name="WrittenBy">
    /// <c>person</c> when a person wrote the reply (then it may go out tagged HUMAN_AGENT after Meta's 24 hours);
    /// left out or <c>script</c> otherwise. Only a signed-in session or a Manager or Admin token may say <c>person</c>.
    /// </param>
    public sealed record ReplyRequest([property: Required, StringLength(MaxReply, MinimumLength = 1)] string? Text, ReplyWriter? WrittenBy = null);

    public sealed record SuggestResponse(IReadOnlyList<string> Suggestions, MessageIntent Intent);

    public sealed record ConvertResponse(Guid LeadId, bool Created, Guid ThreadId);

    public const int MaxReply = 1000;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/social").WithTags("Inbox").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/inbox", ListAsync).WithSummary("Threads across Instagram, Facebook and SMS; filters platform, status, assignee (mine, unassigned) and q");
        group.MapGet("/threads/{id:guid}", GetAsync).WithSummary("A thread with its messages, notes and messaging window");
        group.MapPost("/threads/{id:guid}/reply", ReplyAsync).WithSummary("Reply in the thread through its platform's provider");
        group.MapPost("/threads/{id:guid}/suggest-reply", SuggestAsync).WithSummary("Three suggested replies and the customer's intent (never sent by itself)");
        group.MapPost("/threads/{id:guid}/convert-to-lead", ConvertAsync).WithSummary("Creates (or returns the existing) lead from the conversation");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<ThreadSummary>>, ValidationProblem>> ListAsync(
        InboxQueries inbox, ClaimsPrincipal user, string? platform, string? status, string? assignee, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        var errors = paging.Validate() ?? [];
        var p = StrictEnum.Query<Platform>(platform, "platform", errors);
        var s = StrictEnum.Query<ThreadStatus>(status, "status", errors);
        if (q is { Length: > 200 })
        {
            errors["q"] = ["Search text is at most 200 characters."];
        }
        if (assignee is { Length: > 100 })
        {
            errors["assignee"] = ["Expected mine, unassigned or a user id."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await inbox.ListAsync(new ThreadQuery(p, s, assignee, Actor.From(user).Name, q, Page: paging.Page, PageSize: paging.PageSize), ct));
    }

    private static async Task<Results<Ok<ThreadDetail>, ProblemHttpResult>> GetAsync(Guid id, InboxQueries inbox, CancellationToken ct) =>
        await inbox.GetAsync(id, markRead: false, ct) is { } thread ? TypedResults.Ok(thread) : NotFound();

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "Thread not found");

    private static async Task<Results<Ok<ThreadDetail>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        Guid id, ReplyRequest request, InboxReplies inbox, InboxQueries queries, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (Validation.Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var person = request.WrittenBy == ReplyWriter.Person;
        if (person && !MayStateAPersonWrote(http, user))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["writtenBy"] = ["Only a signed-in session, or a Manager or Admin token, may state that a person wrote a reply."],
            })
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed to state that a person wrote this reply",
                Detail = "A Staff or Marketing token is a script's: its replies go out as automated (never tagged HUMAN_AGENT). Leave writtenBy out, or send it from the app.",
            });
        }
        var result = await inbox.ReplyAsync(id, request.Text!.Trim(), Actor.From(user), person, ct);
        if (result.Reason == "notFound")
        {
            return NotFound();
        }
        if (!result.Sent)
        {
            var status = result.Reason == "providerError" ? 502 : 409;
            return TypedResults.Problem(statusCode: status, title: "Reply not sent", detail: result.Detail ?? $"The reply was refused: {result.Reason}.",
                extensions: new Dictionary<string, object?> { ["reason"] = result.Reason });
        }
        return TypedResults.Ok((await queries.GetAsync(id, markRead: false, ct))!);
    }

    /// <summary>
    /// Who answers for "a person wrote this": a staff cookie is a person signed in to the app; a bearer token is
    /// a script's unless it belongs to a Manager or Admin, who are accountable for what their integrations state
    /// (the message then records that account as its sender).
    /// </summary>
    private static bool MayStateAPersonWrote(HttpContext http, ClaimsPrincipal user) =>
        !IdentitySetup.IsBearerRequest(http.Request) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);

    private static async Task<Results<Ok<SuggestResponse>, ProblemHttpResult>> SuggestAsync(Guid id, InboxReplies inbox, CancellationToken ct) =>
        await inbox.SuggestAsync(id, ct) is { } s ? TypedResults.Ok(new SuggestResponse(s.Suggestions, s.Intent)) : NotFound();

    private static async Task<Results<Ok<ConvertResponse>, Created<ConvertResponse>, ProblemHttpResult>> ConvertAsync(Guid id, ThreadActions inbox, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await inbox.ConvertToLeadAsync(id, Actor.From(user), ct) is not { } link)
        {
            return NotFound();
        }
        var body = new ConvertResponse(link.LeadId, link.Created, id);
        return link.Created ? TypedResults.Created($"/api/v1/leads/{link.LeadId}", body) : TypedResults.Ok(body);
    }
}
