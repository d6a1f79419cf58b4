namespace HibachiAdmin.Features.Campaigns;

/// <summary>One slice of the campaign's "where every recipient stands" chart, with the colour its state always has.</summary>
public sealed record DonutPart(string Label, int Count, string Colour);
