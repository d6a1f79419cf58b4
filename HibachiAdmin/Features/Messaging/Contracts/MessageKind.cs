using HibachiAdmin.Features.Inbox;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>What kind of thing a message is; reactions and story replies are shown in context, never dropped.</summary>
public enum MessageKind
{
    Text,
    Reaction,
    StoryReply,
    StoryMention,
}
