namespace HibachiAdmin.Tests.Features.Alerts;

/// <summary>A frozen-clock host whose sandbox mailer writes its .eml files to a folder of the test's own.</summary>
public sealed class AlertDeliveryFactory : AppFactory
{
    public AlertDeliveryFactory()
    {
        Time = TestClock.Frozen();
        MailFolder = Path.Combine(Path.GetTempPath(), $"alert-mail-{Guid.NewGuid():N}");
        With("Hangfire:ProcessJobs", "false");
        With("Alerts:Email:Folder", MailFolder);
        With("Alerts:PublicBaseUrl", "https://admin.hibachi.example");
        With("Alerts:Email:From", "Ember & Steel alerts <alerts@hibachi.example>");
    }

    public string MailFolder { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}
