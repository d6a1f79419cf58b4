namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>Where the grill goes.</summary>
public enum PartySetting
{
    Outdoor,
    Indoor,
}
