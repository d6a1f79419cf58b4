using System.Diagnostics;
using System.Reflection;

namespace HibachiAdmin.Bench;

/// <summary>
/// Runs end-to-end measurements of the app (start-up, ingest, dispatch, render) and prints one
/// result line each, for README.md. Usage: dotnet run -c Release --project bench/HibachiAdmin.Bench [name ...]
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var all = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(IBench).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBench)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

        var wanted = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (wanted.Count == 0)
        {
            Console.Error.WriteLine($"Unknown benchmark. Available: {string.Join(", ", all.Select(b => b.Name))}");
            return 2;
        }

        Console.WriteLine($"# {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd}");
        foreach (var bench in wanted)
        {
            var sw = Stopwatch.StartNew();
            foreach (var line in await bench.RunAsync(CancellationToken.None))
            {
                Console.WriteLine($"{bench.Name}: {line}");
            }
            Console.WriteLine($"{bench.Name}: (took {sw.Elapsed.TotalSeconds:F1} s)");
        }
        return 0;
    }
}
