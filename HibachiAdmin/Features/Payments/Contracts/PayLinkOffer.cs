namespace HibachiAdmin.Features.Payments.Contracts;

/// <param name="Installment"><c>deposit</c> or <c>balance</c>.</param>
/// <param name="Text">A message offering the link, for a person to edit and send.</param>
public sealed record PayLinkOffer(string Installment, decimal Amount, string Url, string Text);
