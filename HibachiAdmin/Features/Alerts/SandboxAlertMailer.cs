using MimeKit;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// The default mailer: writes each email as an .eml file (open it in any mail program) in <c>Alerts:Email:Folder</c>
/// (default <c>alert-mail</c> under the working directory), named by its message id, so writing it again replaces it.
/// </summary>
public sealed class SandboxAlertMailer(IConfiguration configuration, ILogger<SandboxAlertMailer> logger) : IAlertMailer
{
    public string Folder => Path.GetFullPath(configuration["Alerts:Email:Folder"] is { Length: > 0 } folder ? folder : "alert-mail");

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars())).Replace('@', '_');
        var path = Path.Combine(Folder, name + ".eml");
        await message.WriteToAsync(path, ct);
        logger.LogInformation("Sandbox email to {To} written to {Path}", message.To, path);
    }
}
