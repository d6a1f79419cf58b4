using System.Text.Json;
using HibachiAdmin.Common;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed record ThreadDetail(ThreadSummary Thread, IReadOnlyList<MessageView> Messages, IReadOnlyList<NoteView> Notes, WindowState Window);
