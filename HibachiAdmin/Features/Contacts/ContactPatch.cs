using System.ComponentModel.DataAnnotations;
using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// Patch body: a property that is present changes, one that is absent stays (merge-patch).
/// Presence is tracked by the endpoint from the raw JSON.
/// </summary>
public sealed record ContactPatch
{
    public Optional<string?> Name { get; init; }
    public Optional<string?> Phone { get; init; }
    public Optional<string?> Email { get; init; }
    public Optional<IReadOnlyList<string>?> Tags { get; init; }
    public Optional<string?> State { get; init; }
    public Optional<string?> Zip { get; init; }
    public Optional<SmsConsent?> SmsConsent { get; init; }
    public Optional<string?> ConsentSource { get; init; }
    public Optional<string?> ConsentEvidence { get; init; }
    public Optional<string?> InstagramHandle { get; init; }
    public Optional<string?> FacebookHandle { get; init; }
}
