using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("HibachiAdmin.Tests.TestKit.LongestFirstOrderer", "HibachiAdmin.Tests")]

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Starts the longest collections first (longest-processing-time-first scheduling): with collections running
/// in parallel, a long one started last is the run's tail on an otherwise idle machine. The named chains of
/// <see cref="TestCollections"/> go first; a per-class collection weighs its test cases (a theory's rows
/// count each), a rough but stable stand-in for its duration.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .Select(collection => (collection, weight: Weight(collection)))
            .OrderByDescending(c => c.weight)
            .ThenBy(c => c.collection.DisplayName, StringComparer.Ordinal)
            .Select(c => c.collection)
            .ToList();

    private static int Weight(ITestCollection collection)
    {
        if (collection.CollectionDefinition is not null)
        {
            return collection.DisplayName switch
            {
                TestCollections.Journeys => int.MaxValue,
                TestCollections.MoreJourneys => int.MaxValue - 1,
                TestCollections.ChildProcesses => int.MaxValue - 2,
                _ => 0,
            };
        }
        const string prefix = "Test collection for ";
        if (!collection.DisplayName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return 0;
        }
        var type = typeof(LongestFirstOrderer).Assembly.GetType(collection.DisplayName[prefix.Length..]);
        return type is null ? 0 : type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Sum(CasesOf);
    }

    private static int CasesOf(MethodInfo method)
    {
        if (method.GetCustomAttribute<TheoryAttribute>() is not null)
        {
            return Math.Max(1, method.GetCustomAttributes<DataAttribute>().Sum(d => d is InlineDataAttribute ? 1 : 5));
        }
        return method.GetCustomAttribute<FactAttribute>() is not null ? 1 : 0;
    }
}
