using System.Security.Claims;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Identity;

public sealed record UserPreferenceState(bool DarkMode, bool MustChangePassword);
