namespace HibachiAdmin.Features.Contacts;

/// <param name="Row">1-based data row number (the header is not counted), as a spreadsheet user sees it minus the header.</param>
public sealed record ImportRowResult(int Row, ImportRowOutcome Outcome, string? Name, string? Phone, string? Reason, IReadOnlyList<string> Warnings);
