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

    /// <summary>A string of at most <paramref name="maxLength"/> characters (the model's limit).</summary>
    public (bool Present, string? Value) String(string name, int maxLength)
    {
        var result = String(name);
        if (result.Value is { } text && text.Length > maxLength)
        {
            Errors[name] = [Validation.TooLong(maxLength)];
            return (false, null);
        }
        return result;
    }

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
            case JsonValueKind.String when TryGetText(value, out var text):
                return (true, text);
            case JsonValueKind.String:
                Errors[name] = [StrictJson.ExpectedText];
                return (false, null);
            default:
                Errors[name] = [StrictJson.ExpectedString];
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
            Errors[name] = ["Expected an array of strings."];
            return (false, null);
        }
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (!TryGetText(item, out var text))
            {
                Errors[$"{name}[{items.Count}]"] = [StrictJson.ExpectedText];
                return (false, null);
            }
            items.Add(text!);
        }
        return (true, items);
    }

    /// <summary>
    /// The string's text. False when it is not text: the parser keeps bytes that are not UTF-8 inside a
    /// string (and an escaped lone surrogate) and only reading the value fails.
    /// </summary>
    private static bool TryGetText(JsonElement value, out string? text)
    {
        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
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
        Errors[name] = [StrictJson.ExpectedInteger];
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
        Errors[name] = [StrictJson.ExpectedNumber];
        return (false, null);
    }

    public (bool Present, Guid? Value) Guid(string name)
    {
        var (present, text) = String(name);
        if (!present || text is null)
        {
            return (present, null);
        }
        if (System.Guid.TryParse(text, out var id))
        {
            return (true, id);
        }
        Errors[name] = [StrictJson.ExpectedGuid];
        return (false, null);
    }

    public (bool Present, DateOnly? Value) Date(string name)
    {
        var (present, text) = String(name);
        if (!present || text is null)
        {
            return (present, null);
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return (true, date);
        }
        Errors[name] = [StrictJson.ExpectedDate];
        return (false, null);
    }

    /// <summary>Enum by one declared name in any case; numbers and combined names are refused (<see cref="StrictEnum"/>).</summary>
    public (bool Present, TEnum? Value) Enum<TEnum>(string name) where TEnum : struct, Enum
    {
        var (present, text) = String(name);
        if (!present || text is null)
        {
            return (present, null);
        }
        if (StrictEnum.TryParse<TEnum>(text, out var parsed))
        {
            return (true, parsed);
        }
        Errors[name] = [StrictEnum.Expected(typeof(TEnum))];
        return (false, null);
    }
}
