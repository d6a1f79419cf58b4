using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Leads;

/// <param name="ColumnLimit">Cards per column (most urgent first for open columns, latest first for closed ones); the header still counts all.</param>
public sealed record BoardFilter(LeadSource? Source = null, DateOnly? From = null, DateOnly? To = null, int ColumnLimit = 100);
