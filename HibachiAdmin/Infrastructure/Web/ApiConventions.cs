using System.Text.Json;
using HibachiAdmin.Common;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>JSON shape, problem+json for every error, and the 256 KiB body limit (README; RFC 7807).</summary>
public static class ApiConventions
{
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddApiConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (malformed JSON, wrong content type) become exceptions so they get a problem body.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // No "Server: Kestrel": nothing tells a scanner what to try.
            o.AddServerHeader = false;
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Behind a TLS proxy: trust X-Forwarded-For/Proto from the configured proxies only.
        builder.AddTrustedProxies();
        return builder;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // One strict rule for every body: enums are one declared name (any case in, camelCase out),
        // numbers are numbers, dates YYYY-MM-DD; each refusal names the field (ApiProblems).
        StrictJson.AddTo(options);
    }

    /// <summary>Refuses declared oversized bodies before any endpoint reads them (Kestrel guards undeclared ones).</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.ContentLength > MaxRequestBodyBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"The body may be at most {MaxRequestBodyBytes / 1024} KiB.").ExecuteAsync(ctx);
                return;
            }
            var feature = ctx.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = MaxRequestBodyBytes;
            }
            await next(ctx);
        });

    /// <summary>API paths get problem+json for bare status codes; pages get the 404 page.</summary>
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseWhen(IsApi, a =>
        {
            a.UseStatusCodePages();
            a.Use(UnparsedQueryValues.NameAsync);
        });
        app.UseWhen(ctx => !IsApi(ctx), a =>
        {
            a.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
            // Pages only re-execute for 404: a 401/403/405/429 keeps its status (and its redirect).
            a.Use(async (ctx, next) =>
            {
                await next(ctx);
                if (ctx.Response.StatusCode != StatusCodes.Status404NotFound
                    && ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } feature)
                {
                    feature.Enabled = false;
                }
            });
        });
        return app;
    }

    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");
}
