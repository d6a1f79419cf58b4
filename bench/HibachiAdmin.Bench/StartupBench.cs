using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HibachiAdmin.Bench;

/// <summary>
/// Start-up to healthy and idle memory of the real app process (Release build), with an empty database and with
/// Seed:Demo=true, against a bare baseline started the same way (bench/QrBare: Kestrel and one route, time to its
/// first HTTP answer). Three rounds, each starting the three one after another; medians of 3.
/// <c>STARTUP_APP_DLL</c> measures another build of the app (e.g. the commit before a change) in the same way.
/// </summary>
public sealed class StartupBench : IBench
{
    public string Name => "startup";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var dll = Environment.GetEnvironmentVariable("STARTUP_APP_DLL") is { Length: > 0 } other
            ? other
            : Path.Combine(RepoRoot(), "HibachiAdmin", "bin", "Release", "net10.0", "HibachiAdmin.dll");
        if (!File.Exists(dll))
        {
            return [$"build the app first: dotnet build HibachiAdmin -c Release ({dll} missing)"];
        }
        var bare = Path.Combine(RepoRoot(), "bench", "QrBare", "bin", "Release", "net10.0", "QrBare.dll");
        if (!File.Exists(bare))
        {
            return [$"build the baseline first: dotnet build bench/QrBare -c Release ({bare} missing)"];
        }
        var kinds = new (string Label, string Dll, bool? Demo)[] { ("bare Kestrel", bare, null), ("empty db ", dll, false), ("demo data", dll, true) };
        var runs = kinds.ToDictionary(k => k.Label, _ => new List<(double Seconds, double RssMb)>());
        for (var round = 0; round < 3; round++)
        {
            foreach (var (label, path, demo) in kinds)
            {
                runs[label].Add(await MeasureAsync(path, demo, ct));
            }
        }
        return kinds.Select(k =>
        {
            var seconds = runs[k.Label].Select(r => r.Seconds).Order().ElementAt(1);
            var rss = runs[k.Label].Select(r => r.RssMb).Order().ElementAt(1);
            var all = string.Join(" / ", runs[k.Label].Select(r => $"{r.Seconds:F2}"));
            return $"{k.Label}: start to {(k.Demo is null ? "first answer" : "healthy")} {seconds:F2} s (median of 3: {all}; new database each run), idle RSS {rss:F0} MB";
        }).ToList();
    }

    /// <param name="demo">null: the bare baseline (any HTTP answer counts).</param>
    private static async Task<(double Seconds, double RssMb)> MeasureAsync(string dll, bool? demo, CancellationToken ct)
    {
        var port = FreePort();
        var db = Path.Combine(Path.GetTempPath(), $"hibachi-bench-{Guid.NewGuid():N}.db");
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__Default"] = $"Data Source={db}";
        psi.Environment["Bootstrap__AdminEmail"] = "bench@hibachi.local";
        psi.Environment["Bootstrap__AdminPassword"] = "benchmark pass phrase";
        psi.Environment["Seed__Demo"] = demo == true ? "true" : "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/healthz", ct);
                    if (response.StatusCode == HttpStatusCode.OK || demo is null)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                }
                if (sw.Elapsed > TimeSpan.FromSeconds(60) || process.HasExited)
                {
                    throw new InvalidOperationException("The app did not become healthy within 60 s.");
                }
                await Task.Delay(20, ct);
            }
            var healthy = sw.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            return (healthy, RssMb(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }
    }

    private static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HibachiAdmin.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository.");
    }
}
