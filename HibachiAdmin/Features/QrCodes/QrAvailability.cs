namespace HibachiAdmin.Features.QrCodes;

/// <summary>Whether a code sends people on right now.</summary>
public enum QrAvailability
{
    Live,
    Inactive,
    NotYetValid,
    Expired,
}
