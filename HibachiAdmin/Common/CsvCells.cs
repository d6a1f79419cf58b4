namespace HibachiAdmin.Common;

/// <summary>
/// CSV formula injection (OWASP): a spreadsheet runs a cell that starts with = + - @, tab or CR as a
/// formula. Exports prefix such cells with a single quote so they show as text; imports remove that
/// quote again, so an exported file round-trips.
/// </summary>
public static class CsvCells
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Neutralize(string? value) =>
        value is { Length: > 0 } v && Triggers.Contains(v[0]) ? "'" + v : value;

    public static string? Restore(string? value) =>
        value is { Length: > 1 } v && v[0] == '\'' && Triggers.Contains(v[1]) ? v[1..] : value;
}
