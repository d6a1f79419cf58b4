namespace HibachiAdmin.Bench;

/// <summary>One measurement. Each returns human-readable result lines (they go into README.md).</summary>
public interface IBench
{
    string Name { get; }
    Task<IReadOnlyList<string>> RunAsync(CancellationToken ct);
}
