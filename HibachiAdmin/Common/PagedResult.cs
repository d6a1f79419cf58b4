namespace HibachiAdmin.Common;

/// <summary>The list shape of the JSON API: <c>{"items":[…],"total":N}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>1-based paging with the contract's cap of 200 per page.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    public int Skip => (Math.Max(Page, 1) - 1) * Take;
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);

    public Dictionary<string, string[]>? Validate()
    {
        if (Page < 1)
        {
            return Validation.Error("page", "page starts at 1.");
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            return Validation.Error("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        }
        return null;
    }
}
