using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Messaging.Contracts;

public sealed class BusinessOptions
{
    public string Name { get; set; } = "Ember & Steel Hibachi";
    public string TimeZone { get; set; } = "America/New_York";
    public string? Phone { get; set; }
}
