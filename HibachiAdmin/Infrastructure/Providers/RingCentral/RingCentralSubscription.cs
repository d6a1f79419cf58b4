namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public sealed record RingCentralSubscription(string Id, string Status, DateTime? ExpirationTime);
