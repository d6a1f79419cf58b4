using System.Text.RegularExpressions;

namespace HibachiAdmin.Tests.Architecture;

/// <summary>
/// One top-level type per file, the file named after it (a partial type may spread over
/// <c>Type.Part.cs</c> files; records and enums nested in their owner are fine; <c>file</c>-local
/// helpers are the file's own). A source scan: the app uses file-scoped namespaces, so a top-level
/// declaration starts at column 0. EF's generated migrations keep EF's naming and are not scanned.
/// </summary>
public sealed partial class OneTypePerFileTests
{
    [GeneratedRegex(@"^(?:\[[^\r\n]*\]\s*)*(?:(?:public|internal|private|protected|file|static|sealed|abstract|partial|readonly|ref|unsafe|new)\s+)*(?<kind>class|struct|interface|enum|record(?:\s+(?:class|struct))?|delegate\s+[\w<>\[\]?,. ]+?)\s+(?<name>\w+)",
        RegexOptions.Multiline | RegexOptions.ExplicitCapture)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"(^|\s)file\s")]
    private static partial Regex FileLocal();

    /// <returns>"file: what is wrong" for every file of <paramref name="root"/> that breaks the rule.</returns>
    internal static List<string> Offenders(string root)
    {
        var offenders = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.Split('/') is var parts && parts.Any(p => p is "bin" or "obj" or "Migrations"))
            {
                continue;
            }
            var types = TopLevelType().Matches(File.ReadAllText(path))
                .Where(m => !FileLocal().IsMatch(m.Value))
                .Select(m => m.Groups["name"].Value).Distinct().ToList();
            var fileName = Path.GetFileName(path);
            if (types.Count > 1)
            {
                offenders.Add($"{relative}: {types.Count} types ({string.Join(", ", types)})");
            }
            else if (types is [var type] && !fileName.StartsWith(type + ".", StringComparison.Ordinal))
            {
                offenders.Add($"{relative}: holds {type}");
            }
        }
        return offenders;
    }

    [Fact]
    public void Each_file_of_the_app_holds_one_type_named_like_the_file()
    {
        var offenders = Offenders(Path.Combine(FeatureBoundaryTests.RepoRoot(), "HibachiAdmin"));
        Assert.True(offenders.Count == 0, "Move each type to its own file, named after it:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_scan_sees_a_second_type_and_a_misnamed_file()
    {
        var dir = Directory.CreateTempSubdirectory("one-type-per-file");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Good.cs"), "namespace X;\n\n/// <summary>ok</summary>\npublic sealed class Good\n{\n    public sealed record Nested(int A);\n}\n\nfile sealed class Helper;\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Good.Part.cs"), "namespace X;\n\npublic sealed partial class Good;\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Two.cs"), "namespace X;\n\npublic sealed class Two;\n\n[Obsolete]\ninternal sealed record Extra(int A);\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Misnamed.cs"), "namespace X;\n\npublic enum Other { A }\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Handler.cs"), "namespace X;\n\npublic delegate Task<int> Handler(string s);\n");
            var offenders = Offenders(dir.FullName);
            Assert.Equal(["Misnamed.cs: holds Other", "Two.cs: 2 types (Two, Extra)"], offenders.Order(StringComparer.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
