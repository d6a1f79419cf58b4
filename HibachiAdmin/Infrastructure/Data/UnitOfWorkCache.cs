using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Lookups remembered for the life of one unit of work (a DbContext), so batch processing asks the
/// database once per batch instead of once per row: a feature service preloads the keys a batch will
/// ask about, records which exist and which do not, and adds what it creates. Keys are the service's
/// own (e.g. a phone number); an entry of null means "known not to exist".
/// </summary>
public static class UnitOfWorkCache
{
    private static readonly ConditionalWeakTable<DbContext, Dictionary<(Type, string), object?>> Entries = new();

    private static Dictionary<(Type, string), object?> For(DbContext db) => Entries.GetValue(db, _ => []);

    /// <returns>true when the key is known in this unit of work (<paramref name="value"/> null: known absent).</returns>
    public static bool TryGet<T>(DbContext db, string key, out T? value)
        where T : class
    {
        if (For(db).TryGetValue((typeof(T), key), out var found))
        {
            value = (T?)found;
            return true;
        }
        value = null;
        return false;
    }

    public static void Set<T>(DbContext db, string key, T? value)
        where T : class => For(db)[(typeof(T), key)] = value;
}
