namespace HibachiAdmin.Features.Inbox;

/// <param name="Missing">Fields that had no value and no fallback (left out of <paramref name="Text"/>).</param>
public sealed record MergedReply(string Text, IReadOnlyList<string> Missing);
