using System.ComponentModel;

namespace HibachiAdmin.Features.Alerts;

/// <summary>Where an alert reaches a person. In-app always shows, even in their quiet hours; push and email wait.</summary>
public enum AlertChannel
{
    [Description("In the app")]
    InApp = 1,
    [Description("Browser push")]
    Push = 2,
    Email = 3,
}
