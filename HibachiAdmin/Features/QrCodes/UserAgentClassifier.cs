using System.Buffers;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// A small User-Agent classifier (no parser package is served). Order matters: link-preview fetchers
/// first (iMessage sends a Safari-like string that also names facebookexternalhit and Twitterbot),
/// then other programs, then in-app browsers before the browser they embed, Edge and Opera and
/// Samsung before Chrome, Chrome before Safari (every Chrome string says "Safari").
/// </summary>
public static class UserAgentClassifier
{
    public const string Unknown = "Unknown";

    private static readonly string[] BotMarkers =
    [
        "bot", "crawler", "spider", "crawl", "slurp", "curl/", "wget", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client",
        "java/", "okhttp", "apache-httpclient", "libwww", "httpclient", "node-fetch", "axios/", "headlesschrome", "phantomjs",
        "lighthouse", "pingdom", "uptimerobot", "statuscake", "monitor", "scanner", "preview", "fetch", "postman", "insomnia",
        "scrapy", "feedfetcher", "mediapartners", "google-inspectiontool", "bingpreview", "yandex", "baiduspider", "duckduckgo",
    ];

    // One vectorised multi-string search instead of a Contains per marker (the redirect runs it on every scan).
    private static readonly SearchValues<string> BotSearch = SearchValues.Create(BotMarkers, StringComparison.OrdinalIgnoreCase);

    /// <summary>The redirect's cheap check: is this a preview fetcher (answered, not counted)?</summary>
    public static bool IsLinkPreview(string? userAgent) => Common.LinkPreviewAgents.IsLinkPreview(userAgent);

    public static UserAgentInfo Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return new UserAgentInfo(DeviceType.Bot, Unknown, Unknown, IsBot: true, IsLinkPreview: false);
        }
        var ua = userAgent.ToLowerInvariant();
        if (Common.LinkPreviewAgents.IsLinkPreview(ua))
        {
            return new UserAgentInfo(DeviceType.Bot, Os(ua), PreviewName(ua), IsBot: true, IsLinkPreview: true);
        }
        // In-app browsers name their app before any bot word could appear ("FBAN/FBIOS;FBBV" etc. are not bots).
        var browser = Browser(ua);
        var botWord = ua.AsSpan().ContainsAny(BotSearch);
        var program = browser == Unknown && (botWord || !ua.StartsWith("mozilla/", StringComparison.Ordinal));
        if (program || botWord && !IsInApp(browser))
        {
            return new UserAgentInfo(DeviceType.Bot, Os(ua), BotName(ua) is var name && name != "Bot" ? name : browser == Unknown ? name : browser, IsBot: true, IsLinkPreview: false);
        }
        return new UserAgentInfo(Device(ua), Os(ua), browser, IsBot: false, IsLinkPreview: false);
    }

    private static bool IsInApp(string browser) => browser is "Instagram" or "Facebook" or "TikTok" or "Snapchat" or "LINE" or "Google App" or "WeChat";

    private static DeviceType Device(string ua)
    {
        if (ua.Contains("ipad") || ua.Contains("tablet") || ua.Contains("kindle") || ua.Contains("silk/")
            || ua.Contains("playbook") || ua.Contains("android") && !ua.Contains("mobile"))
        {
            return DeviceType.Tablet;
        }
        if (ua.Contains("iphone") || ua.Contains("ipod") || ua.Contains("android") || ua.Contains("mobile") || ua.Contains("windows phone"))
        {
            return DeviceType.Mobile;
        }
        if (ua.Contains("windows nt") || ua.Contains("macintosh") || ua.Contains("x11") || ua.Contains(" cros ") || ua.Contains("linux"))
        {
            return DeviceType.Desktop;
        }
        return DeviceType.Unknown;
    }

    private static string Os(string ua) =>
        ua.Contains("windows phone") ? "Windows Phone"
        : ua.Contains("ipad") ? "iPadOS"
        : ua.Contains("iphone") || ua.Contains("ipod") || ua.Contains("ios ") || ua.Contains("fbios") ? "iOS"
        : ua.Contains("android") ? "Android"
        : ua.Contains(" cros ") ? "ChromeOS"
        : ua.Contains("windows") ? "Windows"
        : ua.Contains("mac os x") || ua.Contains("macintosh") ? "macOS"
        : ua.Contains("linux") || ua.Contains("x11") ? "Linux"
        : Unknown;

    private static string Browser(string ua) =>
        ua.Contains("instagram") ? "Instagram"
        : ua.Contains("fban/") || ua.Contains("fbav/") || ua.Contains("fb_iab") || ua.Contains("fbios") ? "Facebook"
        : ua.Contains("musical_ly") || ua.Contains("bytedancewebview") || ua.Contains("tiktok") ? "TikTok"
        : ua.Contains("snapchat") ? "Snapchat"
        : ua.Contains(" line/") ? "LINE"
        : ua.Contains("micromessenger") ? "WeChat"
        : ua.Contains("gsa/") ? "Google App"
        : ua.Contains("samsungbrowser/") ? "Samsung Internet"
        : ua.Contains("edg/") || ua.Contains("edga/") || ua.Contains("edgios/") || ua.Contains("edge/") ? "Edge"
        : ua.Contains("opr/") || ua.Contains("opios/") || ua.Contains("opera") ? "Opera"
        : ua.Contains("firefox/") || ua.Contains("fxios/") ? "Firefox"
        : ua.Contains("crios/") || ua.Contains("chrome/") && !ua.Contains("headlesschrome") ? "Chrome"
        : ua.Contains("safari/") || ua.Contains("applewebkit/") && (ua.Contains("iphone") || ua.Contains("ipad")) ? "Safari"
        : Unknown;

    private static string PreviewName(string ua) =>
        ua.Contains("whatsapp") ? "WhatsApp"
        : ua.Contains("slack") ? "Slack"
        : ua.Contains("telegram") ? "Telegram"
        : ua.Contains("discord") ? "Discord"
        : ua.Contains("linkedin") ? "LinkedIn"
        : ua.Contains("skype") || ua.Contains("teams") || ua.Contains("microsoftpreview") ? "Microsoft"
        : ua.Contains("pinterest") ? "Pinterest"
        : ua.Contains("googlemessages") || ua.Contains("google-messages") ? "Google Messages"
        // iMessage's preview string is Safari-like and names both Facebook's and X's fetchers.
        : ua.Contains("facebookexternalhit") && ua.Contains("twitterbot") ? "iMessage"
        : ua.Contains("twitterbot") ? "X"
        : ua.Contains("facebook") || ua.Contains("facebot") || ua.Contains("meta-") ? "Facebook"
        : "Preview";

    private static string BotName(string ua) =>
        ua.Contains("googlebot") ? "Googlebot"
        : ua.Contains("bingbot") ? "Bingbot"
        : ua.Contains("curl/") ? "curl"
        : ua.Contains("headlesschrome") ? "Headless Chrome"
        : "Bot";
}
