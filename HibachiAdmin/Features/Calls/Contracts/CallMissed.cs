namespace HibachiAdmin.Features.Calls.Contracts;

/// <summary>A missed call or voicemail (the outbox event <see cref="CallEvents.Missed"/>).</summary>
public sealed record CallMissed(Guid CallId, Guid ContactId);
