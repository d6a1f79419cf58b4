using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// Real email (<c>Alerts:Email:Provider=Smtp</c>) through MailKit: <c>Alerts:Email:Host</c>, <c>:Port</c> (587),
/// <c>:Security</c> (<c>Auto</c>, <c>StartTls</c>, <c>SslOnConnect</c>, <c>None</c>), <c>:UserName</c>, <c>:Password</c>.
/// </summary>
public sealed class SmtpAlertMailer(IConfiguration configuration) : IAlertMailer
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var section = configuration.GetSection("Alerts:Email");
        using var smtp = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(section["Security"], ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(section["Host"] ?? throw new InvalidOperationException("Alerts:Email:Host is not set."), section.GetValue("Port", 587), security, ct);
        if (section["UserName"] is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, section["Password"] ?? "", ct);
        }
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }
}
