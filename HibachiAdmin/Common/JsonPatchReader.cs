using System.Text.Json;

namespace HibachiAdmin.Common;

/// <summary>
/// Reads a JSON merge-patch object: tells "absent" from "null" and reports type errors per field
/// (camelCase names) instead of throwing.
/// </summary>
public sealed class JsonPatchReader(JsonElement root)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public bool IsObject => root.ValueKind == JsonValueKind.Object;

    public bool Has(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out _);

    public (bool Present, string? Value) String(string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return (false, null);
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return (true, null);
            case JsonValueKind.String:
                return (true, value.GetString());
            default:
                Errors[name] = [$"{name} must be a string."];
                return (false, null);
        }
    }

    public (bool Present, IReadOnlyList<string>? Value) StringArray(string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return (false, null);
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (true, []);
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            Errors[name] = [$"{name} must be an array of strings."];
            return (false, null);
        }
        return (true, value.EnumerateArray().Select(e => e.GetString()!).ToList());
    }

    public (bool Present, int? Value) Int(string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return (false, null);
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (true, null);
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i))
        {
            return (true, i);
        }
        Errors[name] = [$"{name} must be a whole number."];
        return (false, null);
    }

    public (bool Present, decimal? Value) Decimal(string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return (false, null);
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (true, null);
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d))
        {
            return (true, d);
        }
        Errors[name] = [$"{name} must be a number."];
        return (false, null);
    }

    public (bool Present, DateOnly? Value) Date(string name)
    {
        var (present, text) = String(name);
        if (!present || text is null)
        {
            return (present, null);
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            return (true, date);
        }
        Errors[name] = [$"{name} must be a date like 2026-12-05."];
        return (false, null);
    }

    /// <summary>Enum by camelCase or any-case name; numbers are refused (names are the contract).</summary>
    public (bool Present, TEnum? Value) Enum<TEnum>(string name) where TEnum : struct, Enum
    {
        var (present, text) = String(name);
        if (!present || text is null)
        {
            return (present, null);
        }
        if (!text.Any(char.IsDigit) && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed))
        {
            return (true, parsed);
        }
        Errors[name] = [$"{name} must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(Validation.CamelCase))}."];
        return (false, null);
    }
}
