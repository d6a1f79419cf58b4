namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>The access token shared by every client instance until shortly before it expires.</summary>
public sealed class GoogleTokenCache
{
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public (string Token, DateTime Until)? Token { get; set; }
}
