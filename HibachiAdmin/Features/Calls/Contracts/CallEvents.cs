namespace HibachiAdmin.Features.Calls.Contracts;

/// <summary>The outbox events of the calls feature that other features may handle.</summary>
public static class CallEvents
{
    /// <summary>A call nobody answered (or a voicemail); data <see cref="CallMissed"/>.</summary>
    public const string Missed = "call.missed.v1";
}
