namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// The demo business's people (Seed:Demo=true): real user accounts the demo seed creates, so every name in a
/// demo history (who moved a lead, who took a booking, who wrote a reply, who built a campaign) is a person
/// an Admin sees under Users. The accounts have no password: an Admin sets one (Users → reset) to sign in as them.
/// </summary>
public static class DemoStaff
{
    public sealed record Person(string Email, string Name, string Role);

    public static readonly Person Maria = new("maria.lopez@hibachi.local", "Maria Lopez", Identity.Roles.Manager);
    public static readonly Person Dana = new("dana.reyes@hibachi.local", "Dana Reyes", Identity.Roles.Staff);
    public static readonly Person Kenji = new("kenji.tanaka@hibachi.local", "Kenji Tanaka", Identity.Roles.Staff);
    public static readonly Person Mia = new("mia.chen@hibachi.local", "Mia Chen", Identity.Roles.Marketing);

    public static readonly IReadOnlyList<Person> People = [Maria, Dana, Kenji, Mia];

    /// <summary>The front desk: who answers, qualifies and books.</summary>
    public static readonly string[] FrontDesk = [Maria.Email, Dana.Email];

    /// <summary>The chef who marks parties done.</summary>
    public static string Chef => Kenji.Email;

    /// <summary>Who builds and sends the campaigns.</summary>
    public static string Marketer => Mia.Email;
}
