namespace HibachiAdmin.Features.Alerts;

/// <summary>A signed-in staff member who may get alerts, with their choices.</summary>
public sealed record AlertRecipient(string UserId, string Email, string Name, AlertPreference Preference);
