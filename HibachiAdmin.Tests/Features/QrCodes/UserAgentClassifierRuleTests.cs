using HibachiAdmin.Features.QrCodes;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>
/// One User-Agent per rule of the classifier that the fixture vectors do not reach on their own: each
/// names only the one word its rule looks for (Windows Phone, an iPhone string without "Mobile", an iOS
/// web view without "Safari/", LINE and WeChat, Facebook by FBAN alone, in-app browsers whose string has a
/// bot-like word, a crawler inside a real browser string, Pinterest and generic preview fetchers).
/// </summary>
public sealed class UserAgentClassifierRuleTests
{
    /// <summary>An in-app browser whose text also holds a bot word (an app's build tag, a "monitor" in a device name) is a person in the app.</summary>
    [Theory]
    [InlineData("Instagram 312.0.0.32.112 (iPhone14,2; iOS 17_5; en_US; monitor)", "Instagram")]
    [InlineData("[FBAN/FBIOS;FBAV/450.0.0.38.108;FBBV/565213412;monitor]", "Facebook")]
    [InlineData("musical_ly_34.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en monitor", "TikTok")]
    [InlineData("Snapchat/12.87.0.40 (iPhone14,2; iOS 17.5; gzip) monitor", "Snapchat")]
    [InlineData("Line/14.5.0 monitor", "LINE")]
    [InlineData("GSA/318.0.637000916 Mobile/15E148 monitor", "Google App")]
    [InlineData("MicroMessenger/8.0.49(0x18003133) NetType/WIFI Language/en monitor", "WeChat")]
    public void An_in_app_browser_with_a_bot_word_is_not_a_bot(string app, string browser)
    {
        var info = UserAgentClassifier.Classify($"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 {app}");
        Assert.Equal((browser, false, DeviceType.Mobile), (info.Browser, info.IsBot, info.Device));
    }

    private const string IPhoneWebView = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ";

    [Theory]
    [InlineData("Mozilla/5.0 (Windows Phone 10.0; Microsoft; Lumia 950)", "Mobile", "Windows Phone", "Unknown")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)", "Mobile", "iOS", "Unknown")]
    [InlineData(IPhoneWebView, "Mobile", "iOS", "Safari")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)", "Tablet", "iPadOS", "Safari")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Mobile", "Mobile", "Android", "Unknown")]
    [InlineData("Mozilla/5.0 (Macintosh; PPC)", "Desktop", "macOS", "Unknown")]
    [InlineData("Mozilla/5.0 (Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", "Desktop", "Linux", "Firefox")]
    [InlineData("Mozilla/5.0 (X11; FreeBSD amd64; rv:127.0) Gecko/20100101 Firefox/127.0", "Desktop", "Linux", "Firefox")]
    [InlineData(IPhoneWebView + "Safari Line/14.9.0", "Mobile", "iOS", "LINE")]
    [InlineData(IPhoneWebView + "MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/en", "Mobile", "iOS", "WeChat")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile [FBAN/EMA;FBLC/en_US]", "Mobile", "Android", "Facebook")]
    [InlineData("Opera/9.80 (Windows NT 6.1) Presto/2.12.388 Version/12.18", "Desktop", "Windows", "Opera")]
    [InlineData("MOZILLA/5.0 (NINTENDO SWITCH) NINTENDOBROWSER/5.1", "Unknown", "Unknown", "Unknown")]
    public void People_by_the_one_word_their_rule_looks_for(string userAgent, string device, string os, string browser) =>
        Assert.Equal(new UserAgentInfo(Enum.Parse<DeviceType>(device), os, browser, IsBot: false, IsLinkPreview: false), UserAgentClassifier.Classify(userAgent));

    [Theory]
    [InlineData("Instagram 334.0.4.32.98 Scanner", "Instagram")]
    [InlineData("[FBAN/FBIOS;FBAV/470.0] Scanner", "Facebook")]
    [InlineData("musical_ly_35.1.0 Scanner", "TikTok")]
    [InlineData("Snapchat/13.0.0.38 Scanner", "Snapchat")]
    [InlineData("Line/14.9.0 Scanner", "LINE")]
    [InlineData("MicroMessenger/8.0.49 Scanner", "WeChat")]
    [InlineData("GSA/323.0.647062479 Scanner", "Google App")]
    public void An_in_app_browser_with_a_bot_like_word_is_still_a_person(string app, string browser) =>
        Assert.Equal(new UserAgentInfo(DeviceType.Mobile, "iOS", browser, IsBot: false, IsLinkPreview: false), UserAgentClassifier.Classify(IPhoneWebView + app));

    [Theory]
    [InlineData(IPhoneWebView + "Scanner", "iOS", "Safari")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 (compatible; SiteAuditCrawler/1.0)", "Windows", "Chrome")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S918U) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36 Monitor", "Android", "Samsung Internet")]
    [InlineData("Mozilla/5.0 (compatible; SomethingBot/1.0)", "Unknown", "Bot")]
    public void A_bot_word_in_a_browser_string_is_a_program_named_by_its_browser(string userAgent, string os, string name) =>
        Assert.Equal(new UserAgentInfo(DeviceType.Bot, os, name, IsBot: true, IsLinkPreview: false), UserAgentClassifier.Classify(userAgent));

    [Theory]
    [InlineData("Pinterest/0.2 (+https://www.pinterest.com/bot.html)", "Unknown", "Pinterest")]
    [InlineData("Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)", "Unknown", "Preview")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview", "Windows", "Microsoft")]
    [InlineData("Mozilla/5.0 (compatible; Facebot)", "Unknown", "Facebook")]
    [InlineData("Mozilla/5.0 (Android 14; Mobile) Signal-Android/7.0", "Android", "Preview")]
    public void Preview_fetchers_by_name(string userAgent, string os, string name)
    {
        Assert.Equal(new UserAgentInfo(DeviceType.Bot, os, name, IsBot: true, IsLinkPreview: true), UserAgentClassifier.Classify(userAgent));
        Assert.True(UserAgentClassifier.IsLinkPreview(userAgent));
    }
}
