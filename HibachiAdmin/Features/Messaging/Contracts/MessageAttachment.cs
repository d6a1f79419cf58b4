using HibachiAdmin.Features.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging.Contracts;

public sealed record MessageAttachment(string Type, string? Url);
