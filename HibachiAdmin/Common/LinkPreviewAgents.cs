using System.Buffers;

namespace HibachiAdmin.Common;

/// <summary>
/// The link-preview fetchers of messaging and social apps, by User-Agent: the QR redirect and our tracked links answer
/// them like anyone else but never count them as a scan or a click (a preview is the app, not the person).
/// </summary>
public static class LinkPreviewAgents
{
    /// <summary>
    /// iMessage (a Safari-like string naming facebookexternalhit and Twitterbot), WhatsApp, Slack, X, Facebook and Meta,
    /// Telegram, Discord, LinkedIn, Skype, Teams, Pinterest, Reddit, Embedly, Iframely, Snapchat, Signal, and Google
    /// Messages' preview service ("GoogleMessages", "Google-Messages": not documented by Google, taken from public logs).
    /// </summary>
    private static readonly string[] Markers =
    [
        "facebookexternalhit", "facebot", "facebookcatalog", "meta-externalagent", "whatsapp/", "slackbot", "slack-imgproxy", "twitterbot",
        "telegrambot", "discordbot", "linkedinbot", "skypeuripreview", "microsoftpreview", "teamsbot", "pinterestbot", "pinterest/",
        "redditbot", "embedly", "iframely", "snapchat-link", "signal-", "googlemessages", "google-messages",
    ];

    // One vectorised multi-string search instead of a Contains per marker (the redirects run it on every request).
    private static readonly SearchValues<string> Search = SearchValues.Create(Markers, StringComparison.OrdinalIgnoreCase);

    public static bool IsLinkPreview(string? userAgent) => !string.IsNullOrEmpty(userAgent) && userAgent.AsSpan().ContainsAny(Search);
}
