using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

public sealed record DeliveryRow(Guid ContactId, string? Phone, DeliveryStatus Status, string? Reason, string? ProviderMessageId, DateTime? SentAt, DateTime DueAt);
