using System.Collections.Concurrent;

namespace HibachiAdmin.Common;

/// <summary>
/// The one enum parser of the API (JSON bodies, patches and query strings): a value is exactly one
/// declared name, compared case-insensitively. Numbers, comma-combined names ("quoted,booked") and
/// names with spaces are refused, because <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
/// accepts them and stores values that no reader can write back.
/// </summary>
public static class StrictEnum
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> Names = new();

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        if (TryParse(typeof(TEnum), text, out var boxed))
        {
            value = (TEnum)boxed;
            return true;
        }
        value = default;
        return false;
    }

    public static bool TryParse(Type enumType, string? text, out object value)
    {
        value = null!;
        return text is not null && Lookup(enumType).TryGetValue(text, out value!);
    }

    /// <summary>Parses an optional query-string value; a bad one adds "Expected one of …" under <paramref name="field"/>.</summary>
    public static TEnum? Query<TEnum>(string? text, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }
        errors[field] = [Expected(typeof(TEnum))];
        return null;
    }

    public static string Expected(Type enumType) =>
        $"Expected one of: {string.Join(", ", Enum.GetNames(enumType).Select(Validation.CamelCase))}.";

    /// <summary>The camelCase wire name of a declared value; null for an undeclared (e.g. combined) value.</summary>
    public static string? WireName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? Validation.CamelCase(value.ToString()) : null;

    private static Dictionary<string, object> Lookup(Type enumType) =>
        Names.GetOrAdd(enumType, t => Enum.GetNames(t).ToDictionary(n => n, n => Enum.Parse(t, n), StringComparer.OrdinalIgnoreCase));
}
