namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// ASP.NET Core takes the working directory as the content root. A published app started from
/// elsewhere (<c>cd / &amp;&amp; dotnet /srv/app/HibachiAdmin.dll</c>) then found no appsettings.json and
/// no wwwroot: every CSS/JS file was an empty 200 and logging ran at its defaults. The app's own
/// folder is the content root unless one is given or the working directory is an app folder itself
/// (<c>dotnet run</c>, tests).
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsGiven(args) ? null : Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    };

    /// <returns>null to keep the default (the working directory).</returns>
    public static string? Choose(string workingDirectory, string appDirectory) =>
        File.Exists(Path.Combine(workingDirectory, "appsettings.json")) || !File.Exists(Path.Combine(appDirectory, "appsettings.json"))
            ? null
            : appDirectory;

    private static bool IsGiven(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
