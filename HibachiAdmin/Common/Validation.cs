using System.ComponentModel.DataAnnotations;

namespace HibachiAdmin.Common;

/// <summary>DataAnnotations validation for minimal-API bodies, shaped for <c>TypedResults.ValidationProblem</c>.</summary>
public static class Validation
{
    /// <returns>null when valid; otherwise field → messages (camelCase field names, as in the JSON).</returns>
    public static Dictionary<string, string[]>? Validate(object? model)
    {
        if (model is null)
        {
            return new() { ["body"] = ["A JSON body is required."] };
        }
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true))
        {
            return null;
        }
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: CamelCase(m), r.ErrorMessage)))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "Invalid value.").ToArray());
    }

    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    public static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
