using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Meta's messaging windows (PROTOCOLS.md section 2): standard messaging for 24 hours after the person's
/// last message; after that only the HUMAN_AGENT tag, up to 7 days, and only on messages a person wrote
/// (the other tags were retired on 2026-04-27; tagging automated messages breaks the policy).
/// </summary>
public static class MessagingWindow
{
    public static readonly TimeSpan Standard = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgent = TimeSpan.FromDays(7);

    public static WindowState For(Platform platform, DateTime? lastInboundAt, DateTime now)
    {
        if (platform == Platform.Sms)
        {
            return new WindowState(WindowKind.None, TimeSpan.Zero);
        }
        if (lastInboundAt is not { } last)
        {
            return new WindowState(WindowKind.Closed, TimeSpan.Zero);
        }
        var age = now - last;
        if (age < Standard)
        {
            return new WindowState(WindowKind.Standard, Standard - age);
        }
        return age < HumanAgent ? new WindowState(WindowKind.HumanAgent, HumanAgent - age) : new WindowState(WindowKind.Closed, TimeSpan.Zero);
    }

    /// <summary>The tag a reply needs now, or a refusal: null tag inside 24 h, HUMAN_AGENT for a person's reply within 7 days.</summary>
    public static (bool Allowed, string? Tag, string? Refusal) Decide(Platform platform, DateTime? lastInboundAt, DateTime now, bool writtenByPerson)
    {
        var window = For(platform, lastInboundAt, now);
        return window.Kind switch
        {
            WindowKind.None or WindowKind.Standard => (true, null, null),
            WindowKind.HumanAgent when writtenByPerson => (true, "HUMAN_AGENT", null),
            WindowKind.HumanAgent => (false, null, "Outside Meta's 24-hour window: only a reply a person writes may go out now (HUMAN_AGENT), never an automated one. "
                + "Through the API, send \"writtenBy\":\"person\" when a person wrote it (from a signed-in session, or with a Manager or Admin token)."),
            _ => (false, null, lastInboundAt is null
                ? "This person has not written to us on this platform; Meta only allows replies to people who wrote first."
                : $"Outside Meta's messaging window: the last message from this person was {(int)(now - lastInboundAt.Value).TotalDays} days ago. Meta allows replies within 24 hours, or within 7 days for a reply a person writes."),
        };
    }
}
