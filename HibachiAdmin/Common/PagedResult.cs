namespace HibachiAdmin.Common;

/// <summary>The list shape of the JSON API: <c>{"items":[…],"total":N}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
