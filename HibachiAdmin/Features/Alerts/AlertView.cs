namespace HibachiAdmin.Features.Alerts;

public sealed record AlertView(Guid Id, AlertKind Kind, string Title, string? Body, string? Link, DateTime OccurredAt, DateTime CreatedAt, DateTime? ReadAt);
