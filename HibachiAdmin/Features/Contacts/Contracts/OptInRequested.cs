using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>Raised in the ask's unit of work: Messaging sends the confirmation text (or holds it for the person's sending hours).</summary>
public sealed record OptInRequested(Guid RequestId, Guid ContactId);
