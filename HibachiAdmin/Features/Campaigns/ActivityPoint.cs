namespace HibachiAdmin.Features.Campaigns;

/// <summary>One bucket of a campaign's activity over time (business time zone label).</summary>
public sealed record ActivityPoint(DateTime StartUtc, int Sent, int Delivered, int Failed);
