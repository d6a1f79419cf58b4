using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Sms:* and the business facts texts use (README, Configuration).</summary>
public sealed class SmsOptions
{
    public string Provider { get; set; } = "Sandbox";
    public decimal CostPerSegment { get; set; } = 0.02m;
    public int MaxPerSecond { get; set; } = 10;
    public int FrequencyCapHours { get; set; } = 16;
    public string? HelpText { get; set; }
    /// <summary>Sandbox only: numbers (E.164) or prefixes whose texts fail delivery, for demos.</summary>
    public List<string> SandboxFailNumbers { get; set; } = [];
}
