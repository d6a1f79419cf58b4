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
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(model);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    errors[CamelCase(property.Name)] = [Message(attribute)];
                    break;
                }
            }
        }
        return errors.Count == 0 ? null : errors;
    }

    private static string Message(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "This value is required.",
        StringLengthAttribute { MinimumLength: > 0 } s => $"Expected {s.MinimumLength} to {s.MaximumLength} characters.",
        StringLengthAttribute s => TooLong(s.MaximumLength),
        MaxLengthAttribute m => $"At most {m.Length} items or characters.",
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

/// <summary>Money in US dollars: bounded and in whole cents, so it is stored and summed exactly.</summary>
public static class Money
{
    /// <summary>A lead's estimated value or a deposit: 0 to 1,000,000.</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>A price per guest: above 0, at most 10,000.</summary>
    public const decimal MaxPricePerPerson = 10_000m;

    /// <summary>Adds an error under <paramref name="field"/> unless min ≤ value ≤ max (min excluded when <paramref name="positive"/>) in whole cents.</summary>
    public static void Validate(Dictionary<string, string[]> errors, string field, decimal? value, decimal max, bool positive = false)
    {
        if (value is not { } amount || errors.ContainsKey(field))
        {
            return;
        }
        var inRange = (positive ? amount > 0 : amount >= 0) && amount <= max;
        if (!inRange || decimal.Round(amount, 2) != amount)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture,
                $"Expected an amount in US dollars {(positive ? "above 0" : "from 0")} up to {max:#,0}, in whole cents.")];
        }
    }
}
