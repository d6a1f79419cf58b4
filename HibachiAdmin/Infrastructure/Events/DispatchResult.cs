using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

public sealed record DispatchResult(int Claimed, int Dispatched, int Failed, int DeadLettered);
