using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Features.Campaigns;

/// <summary>Campaigns cannot start: the provider's campaign number cannot send them (the message names the number and what it lacks).</summary>
public sealed class CampaignSenderException(string message) : Exception(message);
