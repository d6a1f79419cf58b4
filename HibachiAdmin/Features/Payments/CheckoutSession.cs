namespace HibachiAdmin.Features.Payments;

/// <summary>A checkout the customer is sent to: its session id and URL.</summary>
public sealed record CheckoutSession(string SessionId, string Url);
