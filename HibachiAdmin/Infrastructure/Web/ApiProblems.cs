using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// The one problem mapper of the API. Turns every way a request can be unreadable (wrong type or
/// format in a JSON body, malformed JSON, a bad query value, a missing body, a wrong content type)
/// into problem+json in our own words, naming the field by its camelCase JSON path and saying what
/// was expected. Framework exception text never reaches a client.
/// </summary>
public static partial class ApiProblems
{
    public const string BodyField = "body";

    /// <summary>A problem in the shape of <see cref="TypedResults.ValidationProblem"/>: 400 with field errors.</summary>
    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors) { Status = 400, Title = "One or more fields are invalid." };

    public static ProblemDetails Problem(int status, string title, string? detail = null) =>
        new() { Status = status, Title = title, Detail = detail };

    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: 404, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has id {id}.");

    public static ProblemHttpResult Conflict(string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: 409, title: title, detail: detail, extensions: extensions);

    /// <summary>
    /// The answer to a create or update a feature's service reported: its field errors as a 400 validation problem,
    /// 404 "<paramref name="what"/> not found", the feature's own 409 when <paramref name="conflict"/> is one, else <paramref name="ok"/>.
    /// </summary>
    public static Results<T, ValidationProblem, ProblemHttpResult> Write<T>(
        Dictionary<string, string[]>? errors, bool notFound, string what, ProblemHttpResult? conflict, Func<T> ok)
        where T : IResult
    {
        if (errors is { Count: > 0 })
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (notFound)
        {
            return TypedResults.Problem(statusCode: 404, title: $"{what} not found");
        }
        if (conflict is not null)
        {
            return conflict;
        }
        return ok();
    }

    /// <summary>A JSON body could not be read as <paramref name="bodyType"/>.</summary>
    public static ProblemDetails FromJsonException(JsonException ex, Type? bodyType, JsonSerializerOptions options)
    {
        if (IsMalformed(ex))
        {
            var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } pos ? $" (line {line + 1}, position {pos + 1})" : "";
            return Problem(400, "Malformed JSON", $"The request body is not valid JSON{where}.");
        }
        var field = FieldPath(ex.Path);
        var message = ex is JsonFieldException ? ex.Message : Expected(bodyType, ex.Path, options);
        return Validation(new Dictionary<string, string[]> { [field.Length == 0 ? BodyField : field] = [message] });
    }

    /// <summary>Minimal-API binding failures (thrown because RouteHandlerOptions.ThrowOnBadRequest is on).</summary>
    public static ProblemDetails FromBadRequest(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.StatusCode == 413)
        {
            return Problem(413, "Request body too large", $"The body may be at most {ApiConventions.MaxRequestBodyBytes / 1024} KiB.");
        }
        if (bad.StatusCode == 415)
        {
            return Problem(415, "Unsupported media type", "Send the body as application/json.");
        }
        if (bad.InnerException is JsonException json)
        {
            var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            return FromJsonException(json, bodyType, options);
        }
        var message = bad.Message;
        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || message.Contains("from body", StringComparison.Ordinal)
            || message.Contains("request body", StringComparison.Ordinal))
        {
            return Validation(new Dictionary<string, string[]> { [BodyField] = ["A JSON object body is required."] });
        }
        if (ParameterText().Match(message) is { Success: true } m)
        {
            var name = Common.Validation.CamelCase(m.Groups["name"].Value);
            var text = message.StartsWith("Required parameter", StringComparison.Ordinal)
                ? "This value is required."
                : ExpectedForTypeName(m.Groups["type"].Value);
            return Validation(new Dictionary<string, string[]> { [name] = [text] });
        }
        return Problem(bad.StatusCode, "Bad request", "The request could not be read.");
    }

    /// <summary>"$.audience.IncludeTags[0]" → "audience.includeTags[0]" (camelCase, as the API writes it).</summary>
    public static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "";
        }
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return string.Join('.', path.Split('.').Select(Common.Validation.CamelCase));
    }

    // A reader error (not a type error) surfaces as System.Text.Json's internal JsonReaderException.
    private static bool IsMalformed(JsonException ex) =>
        ex is not JsonFieldException && ex.InnerException?.GetType().Name == "JsonReaderException";

    /// <summary>Walks the body type along the JSON path to say what that field expects.</summary>
    private static string Expected(Type? bodyType, string? jsonPath, JsonSerializerOptions options)
    {
        var type = bodyType;
        try
        {
            foreach (var segment in FieldPath(jsonPath).Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (type is null)
                {
                    break;
                }
                var bracket = segment.IndexOf('[', StringComparison.Ordinal);
                var name = bracket >= 0 ? segment[..bracket] : segment;
                var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
                type = info.Kind == JsonTypeInfoKind.Object
                    ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType
                    : null;
                if (type is not null && bracket >= 0)
                {
                    type = options.GetTypeInfo(type).ElementType;
                }
            }
        }
        catch (NotSupportedException)
        {
            type = null;
        }
        return type is null || type == bodyType ? "Invalid value." : StrictJson.ExpectedFor(type);
    }

    private static string ExpectedForTypeName(string typeName) => typeName.TrimEnd('?') switch
    {
        "int" or "Int32" or "long" or "Int64" or "Nullable<int>" => StrictJson.ExpectedInteger,
        "decimal" or "double" => StrictJson.ExpectedNumber,
        "DateOnly" or "Nullable<DateOnly>" => StrictJson.ExpectedDate,
        "TimeOnly" => StrictJson.ExpectedTime,
        "DateTime" or "DateTimeOffset" => StrictJson.ExpectedInstant,
        "Guid" or "Nullable<Guid>" => StrictJson.ExpectedGuid,
        "bool" or "Nullable<bool>" => StrictJson.ExpectedBool,
        _ => "Invalid value.",
    };

    [GeneratedRegex("parameter \"(?:(?<type>[^\"]+) )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterText();
}
