using HibachiAdmin.Common;
using HibachiAdmin.Features.Admin;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Admin.Contracts;

public sealed record StaffUser(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset? LockedOutUntil, bool MustChangePassword, DateTime CreatedAt);
