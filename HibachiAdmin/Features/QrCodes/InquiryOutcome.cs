namespace HibachiAdmin.Features.QrCodes;

public enum InquiryOutcome
{
    Accepted,
    Invalid,
    /// <summary>The honeypot was filled: answered like a success, nothing stored.</summary>
    Discarded,
    NotFound,
    Gone,
}
