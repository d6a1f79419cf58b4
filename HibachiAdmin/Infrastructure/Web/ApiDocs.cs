using System.Text.Json.Nodes;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// The API's OpenAPI document at /openapi/v1.json and Scalar's reference UI at /scalar, both for
/// signed-in staff only. Every /api/v1 route carries a summary, its request body type and its
/// responses (a test fails when one is missing).
/// </summary>
public static class ApiDocs
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info = new OpenApiInfo
                {
                    Title = "HibachiAdmin API",
                    Version = "v1",
                    Description = "Bearer token from POST /api/v1/auth/token, or the staff cookie. Errors are problem+json; a 400 names each field by its JSON path.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, ct) =>
            {
                if (operation.RequestBody is null
                    && context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().LastOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct) },
                        },
                    };
                }
            });
            // The strict converters (StrictJson) are custom converters, which the schema generator
            // cannot see through; describe the wire format they accept instead.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                Describe(schema, context.JsonTypeInfo.Type);
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>
    /// Documents a JSON body that the handler reads itself, without <c>Accepts</c>: accepts-metadata
    /// makes routing answer a wrong content type before the handler, and on an anonymous route that
    /// answer is a sign-in challenge instead of the contract's 415 problem.
    /// </summary>
    public static TBuilder DocumentBody<TBuilder, TBody>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedBody(typeof(TBody)));

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.StaffPlus);
        app.MapScalarApiReference("/scalar", o => o.WithTitle("HibachiAdmin API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                // Everything from this origin (CSP): no font CDN, no telemetry.
                .DisableDefaultFonts().DisableTelemetry())
            .RequireAuthorization(Policies.StaffPlus);
        return app;
    }

    private static void Describe(OpenApiSchema schema, Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        JsonSchemaType? kind = null;
        string? format = null;
        if (type.IsEnum)
        {
            kind = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(Common.Validation.CamelCase(n))).ToList();
        }
        else if (type == typeof(int)) { kind = JsonSchemaType.Integer; format = "int32"; }
        else if (type == typeof(long)) { kind = JsonSchemaType.Integer; format = "int64"; }
        else if (type == typeof(decimal)) { kind = JsonSchemaType.Number; format = "decimal"; }
        else if (type == typeof(bool)) { kind = JsonSchemaType.Boolean; }
        else if (type == typeof(string)) { kind = JsonSchemaType.String; }
        else if (type == typeof(Guid)) { kind = JsonSchemaType.String; format = "uuid"; }
        else if (type == typeof(DateOnly)) { kind = JsonSchemaType.String; format = "date"; }
        else if (type == typeof(TimeOnly)) { kind = JsonSchemaType.String; schema.Pattern = "^[0-2][0-9]:[0-5][0-9]$"; }
        else if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) { kind = JsonSchemaType.String; format = "date-time"; }
        if (kind is { } k)
        {
            schema.Type = nullable ? k | JsonSchemaType.Null : k;
            schema.Format = format ?? schema.Format;
        }
    }
}
