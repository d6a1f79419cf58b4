using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// Names the query or route value that did not parse. The minimal-API delegates are generated at build time (the
/// Request Delegate Generator, HibachiAdmin.csproj); for a nullable parameter (<c>int? page</c>, <c>bool? includeBots</c>,
/// <c>Guid? contactId</c>) a value that does not parse ends the request with a bare 400 — no exception for
/// <see cref="ApiProblems.FromBadRequest"/> to read, so the field would go unnamed. On the way out of an API request
/// that answered an empty 400, this re-reads the endpoint's parameters (their binding metadata) and answers the first
/// value that does not parse as a validation problem naming it, in the same words as every other bad value.
/// </summary>
public static class UnparsedQueryValues
{
    public static async Task NameAsync(HttpContext http, RequestDelegate next)
    {
        await next(http);
        if (http.Response.StatusCode != StatusCodes.Status400BadRequest || http.Response.HasStarted
            || http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() is not { Count: > 0 } parameters)
        {
            return;
        }
        foreach (var parameter in parameters)
        {
            if (!parameter.HasTryParse || Raw(http, parameter) is not { Length: > 0 } raw || Parses(parameter.ParameterInfo.ParameterType, raw))
            {
                continue;
            }
            var problem = ApiProblems.Validation(new Dictionary<string, string[]>
            {
                [Common.Validation.CamelCase(parameter.Name)] = [Common.StrictJson.ExpectedFor(parameter.ParameterInfo.ParameterType)],
            });
            await TypedResults.Problem(problem).ExecuteAsync(http);
            return;
        }
    }

    private static string? Raw(HttpContext http, IParameterBindingMetadata parameter)
    {
        var attributes = parameter.ParameterInfo.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header)
        {
            return http.Request.Headers[header.Name ?? parameter.Name].ToString();
        }
        if (attributes.OfType<IFromRouteMetadata>().Any() || http.Request.RouteValues.ContainsKey(parameter.Name))
        {
            return http.Request.RouteValues.TryGetValue(parameter.Name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        }
        var name = attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? parameter.Name;
        return http.Request.Query[name].ToString();
    }

    /// <summary>Whether <paramref name="raw"/> parses as the binder would read it (the type's invariant TryParse).</summary>
    private static bool Parses(Type type, string raw)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        }
        // TryParse(string, IFormatProvider, out T) where the type has it in public (int, Guid, DateOnly), else
        // TryParse(string, out T) (bool implements the provider overload only explicitly).
        if (type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) is { } withProvider)
        {
            return (bool)withProvider.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        }
        if (type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is { } plain)
        {
            return (bool)plain.Invoke(null, [raw, null])!;
        }
        // A type this cannot judge (a TryParse of another shape) is left to the generic 400.
        return true;
    }
}
