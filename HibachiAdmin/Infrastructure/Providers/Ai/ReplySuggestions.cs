using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HibachiAdmin.Infrastructure.Providers.Ai;

public sealed record ReplySuggestions(IReadOnlyList<string> Suggestions, MessageIntent Intent);
