namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>The access token shared by every client instance until shortly before it expires.</summary>
public sealed class GoogleTokenCache : AccessTokenCache;
