using System.Globalization;
using System.Net;
using System.Text;
using HibachiAdmin.Common;
using MimeKit;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// The words of a push or an email for one or several alerts: one alert says itself; several arriving together are
/// rolled up ("5 new messages waiting", or "6 new alerts" across kinds) with the first few listed.
/// </summary>
public static class AlertMessages
{
    public const int ListedInEmail = 20;

    public static (string Title, string? Body) Summary(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 1)
        {
            return (alerts[0].Title, alerts[0].Body);
        }
        var kinds = alerts.Select(a => a.Kind).Distinct().ToList();
        var title = kinds.Count == 1 ? $"{alerts.Count} {Plural(kinds[0])}" : $"{alerts.Count} new alerts";
        var body = string.Join(" · ", alerts.Take(3).Select(a => a.Title)) + (alerts.Count > 3 ? $" · and {alerts.Count - 3} more" : "");
        return (title, body);
    }

    public static string Plural(AlertKind kind) => kind switch
    {
        AlertKind.NewLead => "new leads",
        AlertKind.MessageWaiting => "new messages waiting",
        AlertKind.MissedCall => "missed calls",
        _ => "new 1–2★ reviews",
    };

    /// <summary>The single link a push opens: the alert's own page, or the alerts list for a roll-up.</summary>
    public static string Link(IReadOnlyList<Alert> alerts) => alerts.Count == 1 && alerts[0].Link is { } link ? link : "alerts";

    public static MimeMessage Email(Guid deliveryId, string from, string toAddress, string toName, IReadOnlyList<Alert> alerts, string baseUrl, Formats formats)
    {
        var (title, _) = Summary(alerts);
        var message = new MimeMessage { Subject = title, MessageId = $"{deliveryId:N}@alerts.hibachi" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(toName, toAddress));
        var text = new StringBuilder();
        var html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Enc(title)}</h2><ul>");
        foreach (var a in alerts.Take(ListedInEmail))
        {
            var url = Absolute(baseUrl, a.Link ?? "alerts");
            var when = formats.Stamp(a.OccurredAt);
            text.Append(CultureInfo.InvariantCulture, $"- {a.Title} ({when})\n");
            if (a.Body is { Length: > 0 } body)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {body}\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"  {url}\n\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Enc(url)}\">{Enc(a.Title)}</a> <small>({Enc(when)})</small>");
            if (a.Body is { Length: > 0 } b)
            {
                html.Append(CultureInfo.InvariantCulture, $"<br>{Enc(b)}");
            }
            html.Append("</li>");
        }
        if (alerts.Count > ListedInEmail)
        {
            text.Append(CultureInfo.InvariantCulture, $"…and {alerts.Count - ListedInEmail} more: {Absolute(baseUrl, "alerts")}\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Enc(Absolute(baseUrl, "alerts"))}\">…and {alerts.Count - ListedInEmail} more</a></li>");
        }
        var settings = Absolute(baseUrl, "alerts");
        text.Append(CultureInfo.InvariantCulture, $"Choose which alerts you get, and your quiet hours: {settings}\n");
        html.Append(CultureInfo.InvariantCulture, $"</ul><p><small><a href=\"{Enc(settings)}\">Choose which alerts you get, and your quiet hours</a></small></p></body></html>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private static string Absolute(string baseUrl, string link) => $"{baseUrl.TrimEnd('/')}/{link.TrimStart('/')}";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
