using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Identity;

/// <summary>
/// Makes an email without an account behave like one with an account on the token endpoint: the
/// same password hashing work (a verification against a throw-away hash) and the same lockout
/// after the same number of failures for the same time. Without it an attacker tells real accounts
/// apart by timing (~2 ms against ~60 ms) or by which emails ever answer "locked".
/// </summary>
public sealed class UnknownAccountLockout
{
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IPasswordHasher<ApplicationUser> _hasher;
    private readonly ApplicationUser _nobody = new();
    private readonly string _dummyHash;
    private readonly TimeProvider _time;
    private readonly LockoutOptions _lockout;

    public UnknownAccountLockout(IOptions<PasswordHasherOptions> hasherOptions, IOptions<IdentityOptions> options, TimeProvider time)
    {
        // The same hasher and settings Identity uses (its registration is scoped; this is a singleton).
        var hasher = new PasswordHasher<ApplicationUser>(hasherOptions);
        _hasher = hasher;
        _time = time;
        _lockout = options.Value.Lockout;
        _dummyHash = hasher.HashPassword(_nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    /// <summary>The same hashing work a real password check does; the result is always a failure.</summary>
    public void SpendHashingWork(string password) => _hasher.VerifyHashedPassword(_nobody, _dummyHash, password);

    /// <summary>Records a failed attempt for an email that has no account; true when it now counts as locked.</summary>
    public bool FailAndIsLocked(string email)
    {
        var key = Key(email);
        var now = _time.GetUtcNow();
        if (_entries.Count > MaxTracked)
        {
            foreach (var stale in _entries.Where(e => e.Value.LockedUntil is null || e.Value.LockedUntil < now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }
        }
        var entry = _entries.AddOrUpdate(key, _ => Next(new Entry(0, null), now), (_, e) => Next(e, now));
        return entry.LockedUntil > now;
    }

    private Entry Next(Entry e, DateTimeOffset now)
    {
        if (e.LockedUntil > now)
        {
            return e;
        }
        var failures = e.LockedUntil is null ? e.Failures + 1 : 1;
        return failures >= _lockout.MaxFailedAccessAttempts
            ? new Entry(0, now + _lockout.DefaultLockoutTimeSpan)
            : new Entry(failures, null);
    }

    private static string Key(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil);
}
