using System.Reflection;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Tests.Architecture;

/// <summary>
/// docs/architecture.md, "Feature boundaries": the features are the namespaces <c>HibachiAdmin.Features.&lt;Area&gt;</c>
/// (derived from the compiled app, never listed); a feature uses another only through that feature's
/// <c>Contracts</c> namespace (interfaces, DTOs, events); the features depend on each other without a
/// cycle; Infrastructure and Common depend on no feature; each feature registers itself in one
/// <c>&lt;Area&gt;Feature</c> class.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private static readonly Assembly App = typeof(AppDbContext).Assembly;
    private static readonly Lazy<FeatureGraph> AppGraph = new(() => FeatureGraph.Of(App.Location));
    private static readonly Lazy<FeatureGraph> ProbeGraph = new(() => FeatureGraph.Of(typeof(FeatureBoundaryTests).Assembly.Location));

    /// <returns>"Type → other feature's type" lines for every use of another feature outside its Contracts.</returns>
    internal static List<string> ContractViolations(FeatureGraph graph) =>
        graph.Uses.Where(u => u.FromPart.StartsWith("Feature:", StringComparison.Ordinal) && !u.ToContract)
            .Select(u => $"{u.From} → {u.To}").ToList();

    internal static List<string> CycleLines(FeatureGraph graph) =>
        graph.Cycles().Select(cycle => string.Join(" → ", cycle) + "   (" + string.Join("; ", cycle.Zip(cycle.Skip(1),
            (a, b) => graph.FeatureEdges()[a][b] is var use ? $"{use.From} uses {use.To}" : "")) + ")").ToList();

    [Fact]
    public void Every_folder_under_Features_is_a_feature_the_rules_see()
    {
        // No list to keep up to date: the rules derive the features from the compiled namespaces; this
        // checks that derivation against the folders (a feature whose namespace drifted would escape).
        var folders = Directory.GetDirectories(Path.Combine(RepoRoot(), "HibachiAdmin", "Features")).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(folders.Order(StringComparer.Ordinal), AppGraph.Value.Features.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_feature_uses_another_feature_outside_its_Contracts()
    {
        var violations = ContractViolations(AppGraph.Value);
        Assert.True(violations.Count == 0,
            "A feature may use another only through HibachiAdmin.Features.<Area>.Contracts (move what others need there):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_features_depend_on_each_other_without_a_cycle()
    {
        var cycles = CycleLines(AppGraph.Value);
        Assert.True(cycles.Count == 0, "Cycles between features (invert one edge: an interface or event owned by the lower feature):\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Infrastructure_and_Common_depend_on_no_feature()
    {
        var uses = AppGraph.Value.Uses.Where(u => u.FromPart is "HibachiAdmin.Infrastructure" or "HibachiAdmin.Common").Select(u => $"{u.From} → {u.To}").ToList();
        Assert.True(uses.Count == 0, "Infrastructure/Common → Features:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void The_rules_catch_planted_violations_and_allow_a_contract()
    {
        // Probe/BoundaryProbe.cs: namespaces of this test assembly play features of their own.
        var graph = ProbeGraph.Value;
        var violations = ContractViolations(graph);
        Assert.Contains(violations, v => v.Contains("ReadsContactEntity", StringComparison.Ordinal) && v.EndsWith("Features.Contacts.Contact", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("UsesContactService", StringComparison.Ordinal) && v.EndsWith("Features.Contacts.ContactService", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("UsesContactsContract", StringComparison.Ordinal));
        var cycle = Assert.Single(CycleLines(graph));
        Assert.StartsWith("BoundaryProbe → BoundaryProbeEcho → BoundaryProbe", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_feature_that_registers_services_does_it_in_one_Area_Feature_class()
    {
        var registrations = App.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && FeatureGraph.FeatureOf(t.Namespace) is not null)
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name.StartsWith("Add", StringComparison.Ordinal)
                && m.GetParameters() is [{ ParameterType.Name: "WebApplicationBuilder" }]))
            .ToList();
        foreach (var group in registrations.GroupBy(t => FeatureGraph.FeatureOf(t.Namespace)!))
        {
            var type = Assert.Single(group);
            Assert.Equal($"{group.Key}Feature", type.Name);
            Assert.NotNull(type.GetMethod($"Add{group.Key}"));
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HibachiAdmin.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("HibachiAdmin.sln not found above " + AppContext.BaseDirectory);
    }
}
