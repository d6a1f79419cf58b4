using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Messaging.Contracts;

public sealed record MessageAttachment(string Type, string? Url);
