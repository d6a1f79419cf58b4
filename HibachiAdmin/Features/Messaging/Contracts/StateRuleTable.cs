using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// The texting-hours rules shipped with the app: the federal window and one row per state and DC, read once
/// from the embedded <c>state-texting-rules.json</c> (reviewed from the research fixture; docs/compliance.md).
/// </summary>
public sealed class StateRuleTable
{
    public const string ResourceName = "state-texting-rules.json";

    private static readonly Lazy<StateRuleTable> ShippedTable = new(() =>
    {
        using var stream = typeof(StateRuleTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Parse(stream);
    });

    private readonly Dictionary<string, StateRule> _byState;

    private StateRuleTable(DayWindow federal, string federalCitation, string reviewed, IReadOnlyList<StateRule> rows)
    {
        Federal = federal;
        FederalCitation = federalCitation;
        Reviewed = reviewed;
        Rows = rows;
        _byState = rows.ToDictionary(r => r.State, StringComparer.OrdinalIgnoreCase);
    }

    public static StateRuleTable Shipped => ShippedTable.Value;

    public DayWindow Federal { get; }

    public string FederalCitation { get; }

    /// <summary>When the table was last reviewed against the research.</summary>
    public string Reviewed { get; }

    /// <summary>Every state and DC, by code.</summary>
    public IReadOnlyList<StateRule> Rows { get; }

    public StateRule? Find(string? state) => state is not null && _byState.TryGetValue(state, out var row) ? row : null;

    public static StateRuleTable Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var federal = root.GetProperty("federal");
        var rows = root.GetProperty("states").EnumerateArray().Select(ReadRow).ToList();
        return new StateRuleTable(Window(federal.GetProperty("window")) ?? throw new FormatException("The federal window cannot be closed."),
            federal.GetProperty("citation").GetString()!, root.GetProperty("reviewed").GetString()!, rows);
    }

    private static StateRule ReadRow(JsonElement s)
    {
        string? Text(string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var holidays = s.GetProperty("holidays").EnumerateArray().Select(h => Enum.Parse<Holiday>(h.GetString()!, ignoreCase: true)).ToList();
        var reach = Text("reach") switch
        {
            "texts" => RuleReach.Texts,
            "unclear" => RuleReach.Unclear,
            "voiceOnly" => RuleReach.VoiceOnly,
            var other => throw new FormatException($"Unknown reach '{other}' for {Text("state")}."),
        };
        TimeSpan? offset = Text("alsoAtUtcOffset") is { } o ? TimeSpan.Parse(o.TrimStart('+'), CultureInfo.InvariantCulture) : null;
        DateOnly? from = Text("effectiveFrom") is { } f ? DateOnly.ParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new StateRule(Text("state")!.ToUpperInvariant(), Text("name")!, Window(s.GetProperty("weekday")), Window(s.GetProperty("saturday")),
            Window(s.GetProperty("sunday")), holidays, reach, offset, Text("citation")!, Text("effective") ?? "", from,
            [.. s.GetProperty("sources").EnumerateArray().Select(x => x.GetString()!)], Text("confidence") ?? "", Text("notes"), Text("review"));
    }

    private static DayWindow? Window(JsonElement w) => w.ValueKind == JsonValueKind.Null
        ? null
        : new DayWindow(DayWindow.ParseTime(w[0].GetString()!), DayWindow.ParseTime(w[1].GetString()!));
}
