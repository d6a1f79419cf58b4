namespace HibachiAdmin.Features.QrCodes;

/// <summary>What a scan's User-Agent says: device, OS, browser (in-app browsers by their app), and whether a program made the request.</summary>
/// <param name="IsLinkPreview">A messenger or social network fetching the page to draw a preview card: answered, never counted.</param>
public sealed record UserAgentInfo(DeviceType Device, string Os, string Browser, bool IsBot, bool IsLinkPreview);
