namespace HibachiAdmin.Features.Inbox;

public enum WindowKind
{
    /// <summary>SMS: no platform window (consent rules apply instead).</summary>
    None,
    /// <summary>Within 24 hours of the person's last message: any reply (messaging_type RESPONSE).</summary>
    Standard,
    /// <summary>24 hours to 7 days: only a reply a person writes, tagged HUMAN_AGENT.</summary>
    HumanAgent,
    /// <summary>More than 7 days, or the person never wrote: no reply allowed.</summary>
    Closed,
}
