using System.Text.Json;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Common;

/// <summary>
/// Reads a JSON body by hand for anonymous endpoints (token, webhooks, forms): wrong content type
/// → 415, malformed → 400, too large → 413, each as problem+json.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the body as application/json."));
        }
        if (request.ContentLength > ApiConventions.MaxRequestBodyBytes)
        {
            return (null, TypedResults.Problem(statusCode: 413, title: "Request body too large",
                detail: $"The body may be at most {ApiConventions.MaxRequestBodyBytes / 1024} KiB."));
        }
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, ct);
            return value is null
                ? (null, TypedResults.Problem(ApiProblems.Validation(new Dictionary<string, string[]> { [ApiProblems.BodyField] = ["A JSON object body is required."] })))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var problem = ApiProblems.FromJsonException(ex, typeof(T), options);
            return (null, TypedResults.Problem(problem));
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == 413)
        {
            return (null, TypedResults.Problem(statusCode: 413, title: "Request body too large",
                detail: $"The body may be at most {ApiConventions.MaxRequestBodyBytes / 1024} KiB."));
        }
    }
}
