namespace HibachiAdmin.Features.Messaging;

/// <summary>One number on Admin > Integrations: what it is used for here, what it may do, and what to register.</summary>
/// <param name="ToRegister">What is missing for the use this app makes of it (null: nothing).</param>
public sealed record PhoneNumberRow(string Number, string? UsageType, IReadOnlyList<string> Features, bool IsConversationNumber, bool IsCampaignNumber, bool OnAccount, string? ToRegister);
