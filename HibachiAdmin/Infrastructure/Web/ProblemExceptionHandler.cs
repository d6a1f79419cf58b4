using System.Text.Json;
using HibachiAdmin.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// Maps exceptions to problem+json: request-reading failures become 4xx problems naming the field
/// (<see cref="ApiProblems"/>), everything else is a logged 500. A failure while a response body is
/// being written (e.g. a stored value that cannot be serialized) is logged and the connection is
/// aborted, so a client never receives half a document followed by a problem.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad:
                problem = ApiProblems.FromBadRequest(httpContext, bad);
                logger.LogDebug(exception, "Refused request {Method} {Path}: {Status}", httpContext.Request.Method, httpContext.Request.Path, problem.Status);
                break;
            case DbUpdateConcurrencyException:
                problem = ApiProblems.Problem(409, "Conflict", "The record was changed by someone else. Reload and try again.");
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                problem = ApiProblems.Problem(499, "Client closed request");
                break;
            case UnwritableValueException or JsonException:
                // Request bodies are read inside BadHttpRequestException; a bare JSON failure here
                // happened while writing the response, part of which may already be buffered.
                logger.LogError(exception, "Response for {Method} {Path} could not be written; connection aborted",
                    httpContext.Request.Method, httpContext.Request.Path);
                httpContext.Abort();
                return true;
            default:
                problem = ApiProblems.Problem(500, "Unexpected error", "Something went wrong on our side; it has been logged.");
                break;
        }
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path} (request {RequestId})", httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        }
        if (httpContext.Response.HasStarted)
        {
            httpContext.Abort();
            return true;
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }
}
