namespace HibachiAdmin.Features.Bookings;

/// <summary>A command's outcome: events to append, or why not (invalid input → 400, wrong state → 409).</summary>
public sealed record Decision(IReadOnlyList<(string Type, object Data)> Events, string? Invalid = null, string? Conflict = null, string? Field = null, string? Forbidden = null)
{
    public static Decision Of(string type, object data) => new([(type, data)]);
    /// <param name="field">The camelCase request field at fault, so the 400 names it.</param>
    public static Decision Reject(string message, string? field = null) => new([], Invalid: message, Field: field);
    public static Decision StateConflict(string message) => new([], Conflict: message);
    /// <summary>The command is allowed, but not to this person (403 with the reason).</summary>
    public static Decision NotYours(string message) => new([], Forbidden: message);
}
