using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <param name="Status">queued, sent, delivered, read or failed for our messages; null for the customer's.</param>
/// <param name="ReplyToText">For a reaction or reply: the text of the message it refers to, when we have it.</param>
public sealed record MessageView(
    Guid Id,
    MessageDirection Direction,
    MessageKind Kind,
    string Text,
    DateTime At,
    string? SentBy,
    string? Status,
    string? Error,
    IReadOnlyList<MessageAttachment> Attachments,
    string? ReplyToText,
    string? Tag,
    bool Automated);
