namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Why a text waits, in words: the rule that decides when it may go, with its citation.</summary>
/// <param name="Rule">Stable key of the rule and day kind that sets the time (<c>TX:sunday</c>, <c>federal</c>, <c>RI:holiday</c>), for grouping.</param>
/// <param name="Text">"Held until Sunday 12:00 CT — Texas allows 12:00–21:00 on Sundays (Tex. Bus. &amp; Com. Code 301.051)".</param>
public sealed record HoldExplanation(string Rule, string Text);
