namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>
/// A contact's consent history and asks to opt in, as <see cref="IContactService.GetProfileAsync"/> loads them for
/// <c>ContactProfile</c> to show. Opaque to other features: they hand it on, only Contacts reads it.
/// </summary>
public sealed class ContactProfileData(IReadOnlyList<ConsentLedgerEntry> consent, IReadOnlyList<OptInRequestDto> asks)
{
    internal IReadOnlyList<ConsentLedgerEntry> Consent { get; } = consent;

    internal IReadOnlyList<OptInRequestDto> Asks { get; } = asks;
}
