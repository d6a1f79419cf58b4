namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>One menu line of the sheet ("Adults", 20; "Lobster tail", 6 as an add-on).</summary>
public sealed record PartyMenuLine(string Label, int Quantity, bool AddOn);
