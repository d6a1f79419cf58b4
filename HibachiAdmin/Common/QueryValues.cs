using System.Globalization;

namespace HibachiAdmin.Common;

/// <summary>Query-string values read with the same rules as JSON bodies (<see cref="StrictJson"/>).</summary>
public static class QueryValues
{
    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = [StrictJson.ExpectedDate];
        return null;
    }
}
