namespace HibachiAdmin.Features.Leads;

/// <summary>A lead as the API returns it.</summary>
public sealed record LeadDto(
    Guid Id,
    Guid ContactId,
    string? ContactName,
    string? ContactPhone,
    LeadSource Source,
    LeadStatus Status,
    string? LostReason,
    DateOnly? EventDate,
    int? GuestCount,
    string? Zip,
    string? Location,
    string? Occasion,
    decimal? EstimatedValue,
    string? Notes,
    Guid? ThreadId,
    Guid? CallId,
    Guid? QrCodeId,
    Guid? CampaignId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime StatusChangedAt)
{
    /// <summary>What came in from texts, calls and forms, newest first; one lead's answer only (lists leave it out).</summary>
    public IReadOnlyList<LeadInquiryView>? Inquiries { get; init; }
}

/// <summary>One inquiry message as the lead page and the API show it.</summary>
public sealed record LeadInquiryView(LeadSource Source, string Text, DateTime At);

/// <summary>What a board card shows; projected in SQL, nothing loaded per card.</summary>
public sealed record LeadCard(
    Guid Id,
    Guid ContactId,
    string ContactName,
    LeadSource Source,
    LeadStatus Status,
    DateOnly? EventDate,
    int? GuestCount,
    string? Occasion,
    decimal? EstimatedValue,
    DateTime CreatedAt)
{
    /// <summary>Days from <paramref name="today"/> to the event (negative when past); null without a date.</summary>
    public int? DaysUntilEvent(DateOnly today) => EventDate is { } d ? d.DayNumber - today.DayNumber : null;
}

public sealed record BoardColumn(LeadStatus Status, IReadOnlyList<LeadCard> Cards, int Count, decimal TotalValue);

public sealed record LeadBoard(IReadOnlyList<BoardColumn> Columns, DateOnly Today);

/// <param name="ColumnLimit">Cards per column (most urgent first for open columns, latest first for closed ones); the header still counts all.</param>
public sealed record BoardFilter(LeadSource? Source = null, DateOnly? From = null, DateOnly? To = null, int ColumnLimit = 100);

public sealed record LeadListQuery(LeadStatus? Status = null, LeadSource? Source = null, DateOnly? From = null, DateOnly? To = null, Guid? ContactId = null, int Page = 1, int PageSize = 50);

/// <summary>A patch: present fields change (null clears), absent fields stay.</summary>
public sealed record LeadPatch
{
    public (bool Set, LeadStatus? Value) Status { get; init; }
    public (bool Set, string? Value) LostReason { get; init; }
    public (bool Set, LeadSource? Value) Source { get; init; }
    public (bool Set, DateOnly? Value) EventDate { get; init; }
    public (bool Set, int? Value) GuestCount { get; init; }
    public (bool Set, string? Value) Zip { get; init; }
    public (bool Set, string? Value) Location { get; init; }
    public (bool Set, string? Value) Occasion { get; init; }
    public (bool Set, decimal? Value) EstimatedValue { get; init; }
    public (bool Set, string? Value) Notes { get; init; }
}

public sealed record LeadWriteResult(LeadDto? Lead, Dictionary<string, string[]>? Errors = null, string? Conflict = null, Guid? ExistingLeadId = null, bool NotFound = false)
{
    public bool Succeeded => Lead is not null;
}

/// <summary>How far leads got: <paramref name="Reached"/> leads reached <paramref name="Stage"/> or a later one (Lost is not a stage).</summary>
public sealed record FunnelStep(LeadStatus Stage, int Reached);

/// <summary>Leads created in a period: how many per source and how far they got (the dashboard).</summary>
public sealed record LeadIntake(int Total, IReadOnlyDictionary<LeadSource, int> BySource, IReadOnlyList<FunnelStep> Funnel);
