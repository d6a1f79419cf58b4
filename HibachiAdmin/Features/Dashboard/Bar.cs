namespace HibachiAdmin.Features.Dashboard;

/// <summary>One row of a <see cref="BarList"/>: what it counts, how many, and an optional note ("40%").</summary>
public sealed record Bar(string Label, int Value, string? Note = null);
