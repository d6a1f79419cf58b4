using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace HibachiAdmin.Common;

/// <summary>DataAnnotations validation for minimal-API bodies, shaped for <c>TypedResults.ValidationProblem</c>.</summary>
public static class Validation
{
    /// <returns>null when valid; otherwise field → messages (camelCase field names, as in the JSON).</returns>
    /// <remarks>Messages are ours ("At most 10 characters."), never DataAnnotations' C#-named defaults.</remarks>
    public static Dictionary<string, string[]>? Validate(object? model)
    {
        if (model is null)
        {
            return new() { ["body"] = ["A JSON object body is required."] };
        }
        var errors = new Dictionary<string, string[]>();
        Collect(model, "", errors, 0);
        return errors.Count == 0 ? null : errors;
    }

    // Request bodies are shallow trees (a campaign's audience); the bound only stops a cycle.
    private const int MaxDepth = 8;

    /// <summary>
    /// Checks <paramref name="model"/>'s attributes, then goes into its nested bodies and arrays, naming each
    /// field by its JSON path (<c>audience.includeTags[0]</c>). A null array item is refused: JSON reads
    /// <c>[null]</c> into a list of strings without complaint, and no endpoint means it.
    /// </summary>
    private static void Collect(object model, string prefix, Dictionary<string, string[]> errors, int depth)
    {
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var value = property.GetValue(model);
            var path = prefix + CamelCase(property.Name);
            var attribute = property.GetCustomAttributes<ValidationAttribute>().FirstOrDefault(a => !a.IsValid(value));
            if (attribute is not null)
            {
                errors[path] = [Message(attribute)];
                continue;
            }
            if (value is string || value is null || depth >= MaxDepth)
            {
                continue;
            }
            if (value is System.Collections.IEnumerable items)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        errors[$"{path}[{i}]"] = [$"{StrictJson.ExpectedFor(ItemType(property.PropertyType))[..^1]}, not null."];
                    }
                    else if (IsBody(item.GetType()))
                    {
                        Collect(item, $"{path}[{i}].", errors, depth + 1);
                    }
                    i++;
                }
            }
            else if (IsBody(value.GetType()))
            {
                Collect(value, path + ".", errors, depth + 1);
            }
        }
    }

    /// <summary>A nested request body: one of our own classes (a string, a list or a framework type is a value).</summary>
    private static bool IsBody(Type type) => type.IsClass && type.Assembly == typeof(Validation).Assembly;

    private static Type ItemType(Type collection) =>
        collection.IsArray
            ? collection.GetElementType()!
            : collection.GetInterfaces().Append(collection)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? typeof(object);

    private static string Message(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "This value is required.",
        StringLengthAttribute { MinimumLength: > 0 } s => $"Expected {s.MinimumLength} to {s.MaximumLength} characters.",
        StringLengthAttribute s => TooLong(s.MaximumLength),
        MaxLengthAttribute m => $"At most {m.Length} items or characters.",
        EachMaxLengthAttribute e => $"Each item at most {e.Length} characters.",
        EmailAddressAttribute => "Expected an email address.",
        RangeAttribute r => string.Create(CultureInfo.InvariantCulture, $"Expected a value from {r.Minimum} to {r.Maximum}."),
        _ => attribute.ErrorMessage ?? "Invalid value.",
    };

    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    public static string TooLong(int maxLength) => $"At most {maxLength} characters.";

    /// <summary>Adds "At most N characters." under <paramref name="field"/> when <paramref name="value"/> is longer.</summary>
    public static void MaxLength(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is { } text && text.Length > maxLength && !errors.ContainsKey(field))
        {
            errors[field] = [TooLong(maxLength)];
        }
    }

    public static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
