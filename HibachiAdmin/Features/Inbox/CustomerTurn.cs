namespace HibachiAdmin.Features.Inbox;

/// <summary>A customer's turn in a conversation: from their first message after a person's last reply, to a person's reply (null: not answered yet).</summary>
public sealed record CustomerTurn(Guid ThreadId, DateTime StartedAt, DateTime? AnsweredAt)
{
    public TimeSpan? Wait => AnsweredAt - StartedAt;
}
