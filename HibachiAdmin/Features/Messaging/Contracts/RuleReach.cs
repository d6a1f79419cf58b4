namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Whether a state's hours rule reaches texts (the research's <c>coversTexts</c>: yes / unclear / no).</summary>
public enum RuleReach
{
    Texts,
    Unclear,
    VoiceOnly,
}
