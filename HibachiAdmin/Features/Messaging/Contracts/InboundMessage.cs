using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>A message a person sent us, as a provider handler hands it to the inbox.</summary>
/// <param name="AccountId">Meta: our Page / Instagram account it was sent to.</param>
public sealed record InboundMessage(
    Platform Platform,
    string Party,
    Guid? ContactId,
    string Title,
    string Text,
    string? ExternalMessageId,
    DateTime At,
    MessageKind Kind = MessageKind.Text,
    IReadOnlyList<MessageAttachment>? Attachments = null,
    string? ReplyToExternalId = null,
    string? AccountId = null);
