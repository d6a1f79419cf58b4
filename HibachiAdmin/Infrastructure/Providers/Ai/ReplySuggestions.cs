namespace HibachiAdmin.Infrastructure.Providers.Ai;

public sealed record ReplySuggestions(IReadOnlyList<string> Suggestions, MessageIntent Intent);
