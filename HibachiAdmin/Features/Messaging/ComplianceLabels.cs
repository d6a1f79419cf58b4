using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Messaging;

/// <summary>The one human label of each compliance enum value.</summary>
public static class ComplianceLabels
{
    public static string Of(CompliancePolicy policy) => policy switch
    {
        CompliancePolicy.Conservative => "Conservative: every rule that does or may reach texts",
        CompliancePolicy.TextsOnly => "Texts only: only rules that explicitly reach texts",
        CompliancePolicy.Strictest => "Strictest: every rule, also those for recorded voice calls",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };

    public static string Of(RuleReach reach) => reach switch
    {
        RuleReach.Texts => "Yes",
        RuleReach.Unclear => "Unclear",
        RuleReach.VoiceOnly => "Recorded voice only",
        _ => throw new ArgumentOutOfRangeException(nameof(reach), reach, null),
    };
}
