namespace HibachiAdmin.Common;

/// <summary>1-based paging with the contract's cap of 200 per page.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    /// <summary>Far past any real list, and (page − 1) × 200 still fits an int: no overflow wraps to page 1.</summary>
    public const int MaxPage = 1_000_000;

    public int Skip => (Math.Clamp(Page, 1, MaxPage) - 1) * Take;
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);

    public Dictionary<string, string[]>? Validate()
    {
        if (Page is < 1 or > MaxPage)
        {
            return Validation.Error("page", $"Expected a page from 1 to {MaxPage}.");
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            return Validation.Error("pageSize", $"Expected a page size from 1 to {MaxPageSize}.");
        }
        return null;
    }
}
