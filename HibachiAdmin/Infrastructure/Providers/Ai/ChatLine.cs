namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>One line of the conversation as the suggester sees it.</summary>
public sealed record ChatLine(bool FromCustomer, string Text, DateTime At);
