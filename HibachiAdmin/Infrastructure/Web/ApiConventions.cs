using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
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
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Behind a TLS proxy: trust X-Forwarded-For/Proto from loopback and from ForwardedHeaders:KnownProxies only.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                if (System.Net.IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
        return builder;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Reading enum names is case-insensitive; writing is camelCase.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
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
        app.UseWhen(IsApi, a => a.UseStatusCodePages());
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

/// <summary>Maps exceptions to problem+json: client faults keep their 4xx, the rest is a logged 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, TitleFor(bad.StatusCode), Detail(bad)),
            JsonException => (400, "Malformed JSON", "The request body is not valid JSON."),
            DbUpdateConcurrencyException => (409, "Conflict", "The record was changed by someone else. Reload and try again."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", null),
            _ => (500, "Unexpected error", "Something went wrong on our side; it has been logged."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        if (httpContext.Response.HasStarted)
        {
            return true;
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string TitleFor(int status) => status switch
    {
        413 => "Request body too large",
        415 => "Unsupported media type",
        _ => "Bad request",
    };

    private static string Detail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        413 => $"The body may be at most {ApiConventions.MaxRequestBodyBytes / 1024} KiB.",
        415 => "Send the body as application/json.",
        _ => bad.InnerException is JsonException ? "The request body is not valid JSON." : bad.Message,
    };
}
