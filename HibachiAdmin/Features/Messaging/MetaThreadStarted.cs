namespace HibachiAdmin.Features.Messaging;

/// <param name="ThreadId">The inbox thread created by the person's first message.</param>
/// <param name="Party">Their PSID/IGSID.</param>
public sealed record MetaThreadStarted(Guid ThreadId, string Party);
