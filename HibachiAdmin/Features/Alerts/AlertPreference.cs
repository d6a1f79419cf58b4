namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// One person's choices: which kinds reach them on each channel (bit <c>1 &lt;&lt; kind</c>), their quiet hours in the
/// business time zone (push and email wait until the end; in-app still shows) and how long a message waits before it
/// alerts. A person without a row has <see cref="Defaults"/>.
/// </summary>
public sealed class AlertPreference
{
    public const int DefaultWaitingMinutes = 15;
    public const int MaxWaitingMinutes = 24 * 60;

    public string UserId { get; set; } = "";
    public int InAppKinds { get; set; }
    public int PushKinds { get; set; }
    public int EmailKinds { get; set; }
    public TimeOnly? QuietFrom { get; set; }
    public TimeOnly? QuietUntil { get; set; }
    public int WaitingMinutes { get; set; } = DefaultWaitingMinutes;
    public DateTime UpdatedAt { get; set; }

    public static int AllKinds => Enum.GetValues<AlertKind>().Aggregate(0, (bits, k) => bits | Bit(k));

    public static int Bit(AlertKind kind) => 1 << (int)kind;

    /// <summary>Everything in the app and by push (push needs the person to allow it in a browser), no email.</summary>
    public static AlertPreference Defaults(string userId) =>
        new() { UserId = userId, InAppKinds = AllKinds, PushKinds = AllKinds, EmailKinds = 0, WaitingMinutes = DefaultWaitingMinutes };

    public bool Wants(AlertChannel channel, AlertKind kind) => (KindsOf(channel) & Bit(kind)) != 0;

    public int KindsOf(AlertChannel channel) => channel switch
    {
        AlertChannel.InApp => InAppKinds,
        AlertChannel.Push => PushKinds,
        _ => EmailKinds,
    };
}
