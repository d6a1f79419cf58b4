using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// The texting-hours rules in force (the shipped table, <c>Compliance:Policy</c>, the Admins' tightenings) and the
/// Admin's changes to them. Rules are read from the database on every ask (a handful of rows), so every instance
/// applies a tightening from its next plan or send on. A tightening must lie inside the law in force: it can hold
/// texts longer, never let one go earlier.
/// </summary>
public sealed class TextingRulesService(IDbContextFactory<AppDbContext> dbFactory, IOptions<ComplianceOptions> options, TimeProvider time) : ITextingRulesSource
{
    public CompliancePolicy Policy => options.Value.Policy;

    /// <summary>The law in force under the policy, without tightenings.</summary>
    public TextingRules Law => new(StateRuleTable.Shipped, Policy, []);

    public async Task<TextingRules> CurrentAsync(CancellationToken ct) => new(StateRuleTable.Shipped, Policy, await TighteningsAsync(ct));

    public async Task<IReadOnlyList<StateRuleTightening>> TighteningsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var newest = db.Set<StateRuleChange>().GroupBy(c => c.State).Select(g => g.Max(c => c.Id));
        var rows = await db.Set<StateRuleChange>().AsNoTracking().Where(c => newest.Contains(c.Id) && !c.Removed).ToListAsync(ct);
        return [.. rows.Select(ToTightening)];
    }

    /// <summary>Every change, newest first.</summary>
    public async Task<IReadOnlyList<StateRuleChange>> HistoryAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<StateRuleChange>().AsNoTracking().OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);
    }

    /// <summary>Sets a state's stricter hours (null day: closed). Returns the problems by field, or null when stored.</summary>
    public async Task<Dictionary<string, string[]>?> TightenAsync(string state, DayWindow? weekday, DayWindow? saturday, DayWindow? sunday, string? why, Actor by, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var row = StateRuleTable.Shipped.Find(state?.Trim());
        if (row is null)
        {
            errors["state"] = ["Choose a US state or DC."];
            return errors;
        }
        Check(errors, "weekday", row, DayOfWeek.Monday, weekday);
        Check(errors, "saturday", row, DayOfWeek.Saturday, saturday);
        Check(errors, "sunday", row, DayOfWeek.Sunday, sunday);
        CheckWhy(errors, why);
        if (errors.Count > 0)
        {
            return errors;
        }
        await AddAsync(new StateRuleChange
        {
            State = row.State, WeekdayStart = Minutes(weekday?.Start), WeekdayEnd = Minutes(weekday?.End), SaturdayStart = Minutes(saturday?.Start),
            SaturdayEnd = Minutes(saturday?.End), SundayStart = Minutes(sunday?.Start), SundayEnd = Minutes(sunday?.End),
        }, why!, by, ct);
        return null;
    }

    /// <summary>Lifts a state's tightening: the law alone applies again. Returns the problems by field, or null when stored.</summary>
    public async Task<Dictionary<string, string[]>?> RemoveAsync(string state, string? why, Actor by, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var row = StateRuleTable.Shipped.Find(state?.Trim());
        if (row is null)
        {
            errors["state"] = ["Choose a US state or DC."];
        }
        CheckWhy(errors, why);
        if (errors.Count > 0)
        {
            return errors;
        }
        await AddAsync(new StateRuleChange { State = row!.State, Removed = true }, why!, by, ct);
        return null;
    }

    private async Task AddAsync(StateRuleChange change, string why, Actor by, CancellationToken ct)
    {
        change.Why = why.Trim();
        change.By = by.Name.Length > StateRuleChange.MaxBy ? by.Name[..StateRuleChange.MaxBy] : by.Name;
        change.At = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(change);
        await db.SaveChangesAsync(ct);
    }

    private static void CheckWhy(Dictionary<string, string[]> errors, string? why)
    {
        if (string.IsNullOrWhiteSpace(why))
        {
            errors["why"] = ["Say why: it is kept with the change."];
        }
        else if (why.Trim().Length > StateRuleChange.MaxWhy)
        {
            errors["why"] = [$"At most {StateRuleChange.MaxWhy} characters."];
        }
    }

    /// <summary>A day's tightened window must lie inside what the law in force allows that day (federal and the state's row).</summary>
    private void Check(Dictionary<string, string[]> errors, string field, StateRule row, DayOfWeek day, DayWindow? wanted)
    {
        if (wanted is not { } w)
        {
            return; // closing a day is always stricter
        }
        var law = Law.WindowIn(row.State, day);
        if (w.Start >= w.End)
        {
            errors[field] = ["The start must be before the end."];
        }
        else if (law is not { } allowed)
        {
            errors[field] = [$"The law allows no marketing texts in {row.Name} that day; a tightening cannot open it."];
        }
        else if (!w.Within(allowed))
        {
            errors[field] = [$"The law in force allows {allowed} in {row.Name}; a tightening can only narrow it, not widen it to {w}."];
        }
    }

    private static int? Minutes(TimeSpan? time) => time is { } t ? (int)t.TotalMinutes : null;

    private static DayWindow? Window(int? start, int? end) =>
        start is { } s && end is { } e ? new DayWindow(TimeSpan.FromMinutes(s), TimeSpan.FromMinutes(e)) : null;

    public static StateRuleTightening ToTightening(StateRuleChange c) =>
        new(c.State, Window(c.WeekdayStart, c.WeekdayEnd), Window(c.SaturdayStart, c.SaturdayEnd), Window(c.SundayStart, c.SundayEnd), c.By, c.Why, c.At);
}
