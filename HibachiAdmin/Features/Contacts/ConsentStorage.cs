using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// How <see cref="SmsConsent"/> is stored: the enum's name, except <see cref="SmsConsent.PendingConfirmation"/>,
/// stored as "Pending" so every value fits the landed 10-character columns (a migration never rewrites them).
/// </summary>
internal static class ConsentStorage
{
    private const string Pending = "Pending";

    public static readonly ValueConverter<SmsConsent, string> Converter = new(
        v => v == SmsConsent.PendingConfirmation ? Pending : v.ToString(),
        s => s == Pending ? SmsConsent.PendingConfirmation : Enum.Parse<SmsConsent>(s));
}
