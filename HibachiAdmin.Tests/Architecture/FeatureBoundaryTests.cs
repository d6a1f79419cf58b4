using System.Reflection;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace HibachiAdmin.Tests.Architecture;

/// <summary>
/// README, Architecture: a feature reaches another only through that feature's public service or a domain event.
/// Concretely: no type of one feature uses another feature's entities (the EF model's classes) or
/// its internal types; Infrastructure depends on no feature (except the one schedule list,
/// RecurringJobs, which names every job by design); each feature registers itself in one
/// <c>&lt;Area&gt;Feature</c> class.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string FeaturesRoot = "HibachiAdmin.Features.";
    private static readonly Assembly App = typeof(AppDbContext).Assembly;

    /// <summary>Entity CLR types by feature, from the app's real EF model.</summary>
    private static Dictionary<string, List<Type>> EntitiesByFeature()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => t.Namespace?.StartsWith(FeaturesRoot, StringComparison.Ordinal) == true)
            .Distinct()
            .GroupBy(FeatureOf)
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    private static string FeatureOf(Type t) => t.Namespace![FeaturesRoot.Length..].Split('.')[0];

    private static IEnumerable<string> Features(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Namespace?.StartsWith(FeaturesRoot, StringComparison.Ordinal) == true).Select(FeatureOf).Distinct();

    /// <summary>Forbidden dependencies of <paramref name="feature"/>: other features' entities and non-public types.</summary>
    private static string[] ForbiddenFor(string feature, Assembly assembly, Dictionary<string, List<Type>> entities) =>
        entities.Where(kv => kv.Key != feature).SelectMany(kv => kv.Value)
            .Concat(App.GetTypes().Where(t => t.Namespace?.StartsWith(FeaturesRoot, StringComparison.Ordinal) == true
                                              && FeatureOf(t) != feature && !t.IsNested && !t.IsPublic
                                              && !t.Name.StartsWith('<')))
            .Select(t => t.FullName!).Distinct().ToArray();

    /// <returns>"Type → forbidden dependency" lines for every violation in <paramref name="assembly"/>.</returns>
    internal static List<string> Violations(Assembly assembly)
    {
        var entities = EntitiesByFeature();
        var violations = new List<string>();
        // Read the assembly once: Types.InAssembly loads it with Mono.Cecil, and this loop asks thousands of questions.
        var types = Types.InAssembly(assembly);
        foreach (var feature in Features(assembly))
        {
            var forbidden = ForbiddenFor(feature, assembly, entities);
            foreach (var dependency in forbidden)
            {
                var result = types.That().ResideInNamespace(FeaturesRoot + feature)
                    .ShouldNot().HaveDependencyOn(dependency).GetResult();
                if (!result.IsSuccessful)
                {
                    violations.AddRange(result.FailingTypeNames.Select(t => $"{t} → {dependency}"));
                }
            }
        }
        return violations;
    }

    [Fact]
    public void No_feature_uses_another_features_entities_or_internals()
    {
        var violations = Violations(App);
        Assert.True(violations.Count == 0, "Cross-feature access (use the feature's service or a domain event):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_rule_catches_a_forbidden_reference_and_allows_a_service()
    {
        // Types in this test assembly under HibachiAdmin.Features.BoundaryProbe: one reads the Contact
        // entity (must be caught), one uses ContactService and ContactSummary (must pass).
        var violations = Violations(typeof(FeatureBoundaryTests).Assembly);
        Assert.Contains(violations, v => v.Contains("ReadsContactEntity", StringComparison.Ordinal) && v.EndsWith("Features.Contacts.Contact", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("UsesContactService", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_depends_on_no_feature_except_the_schedule_list()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("HibachiAdmin.Infrastructure")
            .And().DoNotHaveName(nameof(HibachiAdmin.Infrastructure.Jobs.RecurringJobs))
            .ShouldNot().HaveDependencyOn("HibachiAdmin.Features").GetResult();
        Assert.True(result.IsSuccessful, "Infrastructure → Features: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Each_feature_that_registers_services_does_it_in_one_Area_Feature_class()
    {
        var registrations = App.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Namespace?.StartsWith(FeaturesRoot, StringComparison.Ordinal) == true)
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name.StartsWith("Add", StringComparison.Ordinal)
                && m.GetParameters() is [{ ParameterType.Name: "WebApplicationBuilder" }]))
            .ToList();
        foreach (var group in registrations.GroupBy(FeatureOf))
        {
            var type = Assert.Single(group);
            Assert.Equal($"{group.Key}Feature", type.Name);
            Assert.NotNull(type.GetMethod($"Add{group.Key}"));
        }
        foreach (var feature in new[] { "Contacts", "Leads", "Inbox", "Calls", "Messaging", "Bookings", "Admin" })
        {
            Assert.Contains(registrations, t => t.Name == $"{feature}Feature");
        }
    }
}
