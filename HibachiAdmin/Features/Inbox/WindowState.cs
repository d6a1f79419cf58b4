namespace HibachiAdmin.Features.Inbox;

/// <param name="Remaining">Time left in the current kind of window (zero when closed).</param>
public sealed record WindowState(WindowKind Kind, TimeSpan Remaining)
{
    public string Describe() => Kind switch
    {
        WindowKind.None => "",
        WindowKind.Standard => $"Reply window: {Span(Remaining)} left",
        WindowKind.HumanAgent => $"24-hour window closed: a reply you write yourself can still go out for {Span(Remaining)} (sent with Meta's HUMAN_AGENT tag)",
        _ => "Reply window closed: Meta allows replies only within 24 hours of the person's last message, or within 7 days for a reply a person writes. Wait for them to write again.",
    };

    private static string Span(TimeSpan t) => t.TotalHours >= 24 ? $"{(int)t.TotalDays} d {t.Hours} h" : t.TotalMinutes >= 60 ? $"{(int)t.TotalHours} h {t.Minutes} min" : $"{Math.Max(0, (int)Math.Ceiling(t.TotalMinutes))} min";
}
