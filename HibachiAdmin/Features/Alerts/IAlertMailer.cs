using MimeKit;

namespace HibachiAdmin.Features.Alerts;

/// <summary>Sends an alert email (the sandbox writes a .eml file; <see cref="SmtpAlertMailer"/> sends over SMTP).</summary>
public interface IAlertMailer
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
