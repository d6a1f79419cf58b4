using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// The app as a separate process (the built <c>HibachiAdmin.dll</c>, Production, on its own SQLite file and a free
/// loopback port), for the tests that kill it with SIGKILL and start it again over the same database.
/// </summary>
public static class ChildApp
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app over <paramref name="databasePath"/> with RingCentral's verification token and a first admin;
    /// its output is drained (an unread pipe would block it) and dropped.</summary>
    public static Process Start(string databasePath, int port, string verificationToken, string adminEmail)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "HibachiAdmin.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={databasePath}";
        start.Environment["RingCentral__VerificationToken"] = verificationToken;
        start.Environment["Bootstrap__AdminEmail"] = adminEmail;
        start.Environment["Bootstrap__AdminPassword"] = "a long child process test password";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
