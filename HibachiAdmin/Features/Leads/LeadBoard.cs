namespace HibachiAdmin.Features.Leads;

public sealed record LeadBoard(IReadOnlyList<BoardColumn> Columns, DateOnly Today);
