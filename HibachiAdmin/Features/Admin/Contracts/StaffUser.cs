using HibachiAdmin.Features.Admin;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Features.Admin.Contracts;

public sealed record StaffUser(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset? LockedOutUntil, bool MustChangePassword, DateTime CreatedAt);
