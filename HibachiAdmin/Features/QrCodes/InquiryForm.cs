using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>What the inquiry form posts. <see cref="Website"/> is the honeypot: hidden from people, filled by bots.</summary>
public sealed record InquiryForm
{
    public const int MaxName = 100;
    public const int MaxMessage = 1000;

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public DateOnly? EventDate { get; set; }
    public int? Guests { get; set; }
    public string? Zip { get; set; }
    public string? Message { get; set; }
    public bool SmsConsent { get; set; }
    public string? Website { get; set; }
}
