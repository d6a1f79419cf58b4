using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HibachiAdmin.Tests.Architecture;

/// <summary>
/// The dependencies between the app's parts, read from the compiled IL (Mono.Cecil): every type a type
/// names in its signatures, attributes, fields, locals and method bodies (calls, field accesses, casts,
/// typeof, generic arguments; compiler-made closures and state machines count for the type that owns
/// them). A feature is a namespace <c>HibachiAdmin.Features.&lt;Area&gt;</c>, derived, never listed; its
/// <c>HibachiAdmin.Features.&lt;Area&gt;.Contracts</c> namespace is what other features may use.
/// </summary>
internal sealed class FeatureGraph
{
    public const string FeaturesRoot = "HibachiAdmin.Features.";

    /// <summary>One use of a type of another part: <paramref name="From"/> (a top-level type) names <paramref name="To"/>.</summary>
    public sealed record Use(string FromPart, string From, string ToFeature, string To, bool ToContract);

    public IReadOnlyList<Use> Uses { get; }

    /// <summary>The features found in the assembly (as sources of uses or as their own types).</summary>
    public IReadOnlySet<string> Features { get; }

    private FeatureGraph(IReadOnlyList<Use> uses, IReadOnlySet<string> features) => (Uses, Features) = (uses, features);

    public static FeatureGraph Of(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var uses = new HashSet<Use>();
        var features = new HashSet<string>(StringComparer.Ordinal);
        foreach (var top in module.Types)
        {
            var fromNamespace = top.Namespace;
            var fromPart = PartOf(fromNamespace);
            if (FeatureOf(fromNamespace) is { } own)
            {
                features.Add(own);
            }
            var named = new HashSet<TypeReference>();
            foreach (var type in WithNested(top))
            {
                Collect(type, named);
            }
            foreach (var reference in named)
            {
                var target = Outermost(reference);
                if (FeatureOf(target.Namespace) is not { } feature || PartOf(target.Namespace) == fromPart)
                {
                    continue;
                }
                uses.Add(new Use(fromPart, top.FullName, feature, target.FullName, IsContract(target.Namespace)));
            }
        }
        return new FeatureGraph(uses.OrderBy(u => u.From, StringComparer.Ordinal).ThenBy(u => u.To, StringComparer.Ordinal).ToList(), features);
    }

    /// <summary>The feature of a namespace, or null outside <c>HibachiAdmin.Features</c>.</summary>
    public static string? FeatureOf(string? ns) =>
        ns is not null && ns.StartsWith(FeaturesRoot, StringComparison.Ordinal) ? ns[FeaturesRoot.Length..].Split('.')[0] : null;

    /// <summary>"Feature:Leads", or the namespace's first two parts (e.g. HibachiAdmin.Infrastructure).</summary>
    public static string PartOf(string? ns) =>
        FeatureOf(ns) is { } feature ? "Feature:" + feature : string.Join('.', (ns ?? "").Split('.').Take(2));

    public static bool IsContract(string ns) =>
        FeatureOf(ns) is { } feature && (ns == $"{FeaturesRoot}{feature}.Contracts" || ns.StartsWith($"{FeaturesRoot}{feature}.Contracts.", StringComparison.Ordinal));

    /// <summary>Edges between features (any use, contract or not), each with one example use.</summary>
    public Dictionary<string, Dictionary<string, Use>> FeatureEdges()
    {
        var edges = new Dictionary<string, Dictionary<string, Use>>(StringComparer.Ordinal);
        foreach (var use in Uses.Where(u => u.FromPart.StartsWith("Feature:", StringComparison.Ordinal)))
        {
            var from = use.FromPart["Feature:".Length..];
            var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = new Dictionary<string, Use>(StringComparer.Ordinal);
            targets.TryAdd(use.ToFeature, use);
        }
        return edges;
    }

    /// <summary>Every elementary cycle's feature path (A → B → A), found once each, smallest feature first.</summary>
    public List<List<string>> Cycles()
    {
        var edges = FeatureEdges();
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        var cycles = new List<List<string>>();
        foreach (var start in nodes)
        {
            // Cycles through start whose other nodes all sort after it: each cycle is reported from its smallest node only.
            var path = new List<string> { start };
            void Walk(string node)
            {
                foreach (var next in edges.GetValueOrDefault(node)?.Keys.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
                {
                    if (next == start)
                    {
                        cycles.Add([.. path, start]);
                    }
                    else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next) && cycles.Count < 50)
                    {
                        path.Add(next);
                        Walk(next);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
            Walk(start);
        }
        return cycles;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) =>
        type.NestedTypes.SelectMany(WithNested).Prepend(type);

    private static void Collect(TypeDefinition type, HashSet<TypeReference> named)
    {
        Add(type.BaseType, named);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType, named);
        }
        Constraints(type.GenericParameters, named);
        Attributes(type, named);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType, named);
            Attributes(field, named);
        }
        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, named);
            Attributes(property, named);
        }
        foreach (var e in type.Events)
        {
            Add(e.EventType, named);
        }
        foreach (var method in type.Methods)
        {
            Attributes(method, named);
            Add(method.ReturnType, named);
            Constraints(method.GenericParameters, named);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType, named);
                Attributes(parameter, named);
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType, named);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                Operand(instruction, named);
            }
        }
    }

    private static void Operand(Instruction instruction, HashSet<TypeReference> named)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                Add(type, named);
                break;
            case MethodReference method:
                Add(method.DeclaringType, named);
                Add(method.ReturnType, named);
                foreach (var parameter in method.Parameters)
                {
                    Add(parameter.ParameterType, named);
                }
                if (method is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument, named);
                    }
                }
                break;
            case FieldReference field:
                Add(field.DeclaringType, named);
                Add(field.FieldType, named);
                break;
        }
    }

    private static void Constraints(IEnumerable<GenericParameter> parameters, HashSet<TypeReference> named)
    {
        foreach (var constraint in parameters.SelectMany(p => p.Constraints))
        {
            Add(constraint.ConstraintType, named);
        }
    }

    private static void Attributes(ICustomAttributeProvider provider, HashSet<TypeReference> named)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Add(attribute.AttributeType, named);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
            {
                if (argument.Value is TypeReference type)
                {
                    Add(type, named);
                }
            }
        }
    }

    private static void Add(TypeReference? type, HashSet<TypeReference> named)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, named);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, named);
                }
                return;
            case FunctionPointerType pointer:
                Add(pointer.ReturnType, named);
                foreach (var parameter in pointer.Parameters)
                {
                    Add(parameter.ParameterType, named);
                }
                return;
            case TypeSpecification specification: // arrays, by-ref, pointers, modifiers
                Add(specification.ElementType, named);
                return;
            default:
                if (Outermost(type).Namespace.StartsWith("HibachiAdmin.", StringComparison.Ordinal))
                {
                    named.Add(type);
                }
                return;
        }
    }
}
