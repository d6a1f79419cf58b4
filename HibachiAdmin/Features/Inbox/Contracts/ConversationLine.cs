using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>One message of a contact's conversations (the customer view), without the inbox's entities.</summary>
public sealed record ConversationLine(Guid ThreadId, Platform Platform, bool FromCustomer, string Text, string? SentBy, DateTime At);
