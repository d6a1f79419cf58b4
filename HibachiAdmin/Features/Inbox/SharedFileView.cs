namespace HibachiAdmin.Features.Inbox;

/// <param name="Path">Where customers open it (<c>/files/{token}</c>), to put after the app's public base URL.</param>
public sealed record SharedFileView(Guid Id, string Name, string ContentType, long Size, string Path, string CreatedBy, DateTime CreatedAt);
