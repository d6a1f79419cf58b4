namespace HibachiAdmin.Features.Contacts;

/// <summary>A row that was applied with a part of it left out, and why.</summary>
public sealed record ImportWarning(int Row, string Reason);
