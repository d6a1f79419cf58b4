namespace HibachiAdmin.Features.Campaigns;

public sealed record DeliveryRow(Guid ContactId, string? Phone, DeliveryStatus Status, string? Reason, string? ProviderMessageId, DateTime? SentAt, DateTime DueAt);
