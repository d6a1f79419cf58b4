namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Every minute: settles texts that were stored as queued but whose provider call never reported back
/// (see <see cref="SmsService.ResolveInDoubtAsync"/>). Idempotent; safe to run in several processes.
/// </summary>
public sealed class InDoubtSmsJob(SmsService sms)
{
    public const string Id = "sms-in-doubt";

    public async Task RunAsync(CancellationToken ct)
    {
        while (await sms.ResolveInDoubtAsync(ct) > 0 && !ct.IsCancellationRequested)
        {
        }
    }
}
