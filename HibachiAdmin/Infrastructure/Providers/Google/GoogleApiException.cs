namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>A Google API error with its words (shown to staff).</summary>
public sealed class GoogleApiException(string message) : Exception(message);
