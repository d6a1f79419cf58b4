using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

public sealed record MessageAttachment(string Type, string? Url);
