namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary><c>Compliance:*</c> settings (docs/configuration.md).</summary>
public sealed class ComplianceOptions
{
    public CompliancePolicy Policy { get; set; } = CompliancePolicy.Conservative;
}
