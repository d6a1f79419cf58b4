namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Which state texting-hours rules apply (<c>Compliance:Policy</c>). Federal hours always apply.</summary>
public enum CompliancePolicy
{
    /// <summary>Every rule that does or may reach texts (<see cref="RuleReach.Texts"/> and <see cref="RuleReach.Unclear"/>).</summary>
    Conservative,
    /// <summary>Only the rules that explicitly reach texts.</summary>
    TextsOnly,
    /// <summary>Every rule, also those written for recorded or automated voice calls only.</summary>
    Strictest,
}
