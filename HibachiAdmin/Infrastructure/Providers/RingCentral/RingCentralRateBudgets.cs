using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using System.Diagnostics;
using HibachiAdmin.Infrastructure.Telemetry;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>
/// The process's RingCentral budgets: a sliding-window limit per lane, and, per usage-plan group, the time until
/// which RingCentral asked us to stop (a 429's <c>Retry-After</c>, 30 s when absent; the penalty restarts with every
/// request sent during it, so nothing of that group is sent before then). Waiting is logged.
/// </summary>
public sealed class RingCentralRateBudgets : IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (RingCentralLane Lane, RateLimiter Limiter)> _lanes;
    private readonly TimeProvider _time;
    private readonly ILogger<RingCentralRateBudgets> _logger;
    private readonly ConcurrentDictionary<long, (string Group, string Lane, bool RetryAfter, DateTimeOffset? Until, DateTimeOffset Since)> _current = new();
    private readonly AppMetrics? _metrics;
    private readonly ProviderLimitNotifier? _notifier;
    private long _waits;
    private long _refusals;
    private long _nextWait;

    public RingCentralRateBudgets(IConfiguration configuration, TimeProvider time, ILogger<RingCentralRateBudgets> logger, AppMetrics? metrics = null, ProviderLimitNotifier? notifier = null)
    {
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _notifier = notifier;
        int Limit(string lane, int fallback) => Math.Max(1, configuration.GetValue($"RingCentral:Budgets:{lane}", fallback));
        // RingCentral:RequestsPerMinute kept its meaning: the person-to-person send limit (the SMS endpoint's 40/min).
        var sms = configuration.GetValue("RingCentral:RequestsPerMinute", 40);
        Lanes =
        [
            new("sms", "medium", Limit("Sms", Math.Max(1, sms - 4))),
            new("other", "medium", Limit("Other", 4)),
            new("a2p", "light", Limit("A2p", 25)),
            new("status", "light", Limit("Status", 20)),
            new("heavy", "heavy", Limit("Heavy", 10)),
            new("auth", "auth", Limit("Auth", 5)),
        ];
        _lanes = Lanes.ToDictionary(l => l.Name, l => (l, (RateLimiter)new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = l.PerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })), StringComparer.Ordinal);
    }

    public IReadOnlyList<RingCentralLane> Lanes { get; }

    /// <summary>Times a request waited on a limit (ours or RingCentral's), for metrics and tests.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>429 answers received.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>Which lane a request belongs to, by method and path.</summary>
    public static string LaneOf(HttpMethod method, string path)
    {
        if (path.Contains("/oauth/", StringComparison.Ordinal))
        {
            return "auth";
        }
        if (path.Contains("/recording/", StringComparison.Ordinal))
        {
            return "heavy";
        }
        if (path.Contains("/a2p-sms/", StringComparison.Ordinal))
        {
            return method == HttpMethod.Get ? "status" : "a2p";
        }
        if (path.EndsWith("/extension/~/sms", StringComparison.Ordinal))
        {
            return "sms";
        }
        if (path.Contains("/message-sync", StringComparison.Ordinal))
        {
            return "status";
        }
        return "other";
    }

    public RingCentralLane Lane(string name) => _lanes[name].Lane;

    /// <summary>Until when RingCentral asked us to leave <paramref name="group"/> alone (null: not blocked).</summary>
    public DateTimeOffset? BlockedUntil(string group) =>
        _blockedUntil.TryGetValue(group, out var until) && until > _time.GetUtcNow() ? until : null;

    /// <summary>The waits on a limit right now, one per group, lane and kind (oldest first).</summary>
    public IReadOnlyList<ProviderLimitWait> CurrentWaits() =>
        [.. _current.Values.GroupBy(w => (w.Group, w.Lane, w.RetryAfter))
            .Select(g => new ProviderLimitWait(g.Key.Group, g.Key.Lane, g.Key.RetryAfter, g.Max(w => w.Until), g.Count(), g.Min(w => w.Since)))
            .OrderBy(w => w.Since)];

    /// <summary>Waits until the lane's group is no longer blocked and the lane has a permit; logs, counts and shows a wait.</summary>
    public async Task<RateLimitLease> AcquireAsync(string laneName, CancellationToken ct)
    {
        var (lane, limiter) = _lanes[laneName];
        while (BlockedUntil(lane.Group) is { } until)
        {
            var wait = until - _time.GetUtcNow();
            Interlocked.Increment(ref _waits);
            _logger.LogWarning("RingCentral {Group} limit: {Lane} requests wait {Seconds:0.#} s (Retry-After)", lane.Group, lane.Name, wait.TotalSeconds);
            using (Waiting(lane, retryAfter: true, until))
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, ct);
            }
        }
        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        Interlocked.Increment(ref _waits);
        _logger.LogInformation("RingCentral {Lane} budget ({PerMinute}/min) spent: requests queue for the next permit", lane.Name, lane.PerMinute);
        using (Waiting(lane, retryAfter: false, null))
        {
            return await limiter.AcquireAsync(1, ct);
        }
    }

    /// <summary>Shows one wait until disposed, then records how long it took.</summary>
    private WaitScope Waiting(RingCentralLane lane, bool retryAfter, DateTimeOffset? until)
    {
        var id = Interlocked.Increment(ref _nextWait);
        var since = _time.GetUtcNow();
        _current[id] = (lane.Group, lane.Name, retryAfter, until, since);
        var tags = new TagList { { "provider", "ringcentral" }, { "group", lane.Group }, { "lane", lane.Name }, { "reason", retryAfter ? "retry_after" : "budget" } };
        _metrics?.RateLimitWaits.Add(1, tags);
        _notifier?.Publish(lane.Group);
        return new WaitScope(() =>
        {
            _current.TryRemove(id, out _);
            _metrics?.RateLimitWaitDuration.Record((_time.GetUtcNow() - since).TotalSeconds, tags);
            _notifier?.Publish(lane.Group);
        });
    }

    private sealed class WaitScope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    /// <summary>Records a 429: the group it names (or the lane's) is blocked for Retry-After.</summary>
    /// <returns>How long to wait.</returns>
    public TimeSpan Refused(string laneName, HttpResponseMessage response)
    {
        Interlocked.Increment(ref _refusals);
        var lane = _lanes[laneName].Lane;
        var group = response.Headers.TryGetValues("X-Rate-Limit-Group", out var groups) && groups.FirstOrDefault() is { Length: > 0 } g ? g : lane.Group;
        var wait = RetryAfter(response, _time.GetUtcNow());
        var until = _time.GetUtcNow() + wait;
        _blockedUntil.AddOrUpdate(group, until, (_, existing) => existing > until ? existing : until);
        _metrics?.RateLimitRefusals.Add(1, new TagList { { "provider", "ringcentral" }, { "group", group } });
        _logger.LogWarning("RingCentral answered 429 for the {Group} group ({Lane} request): every {Group} request waits {Seconds:0.#} s", group, lane.Name, group, wait.TotalSeconds);
        return wait;
    }

    /// <summary>Retry-After in seconds or as an HTTP date; 30 s when absent or unreadable (RingCentral's guidance).</summary>
    public static TimeSpan RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta && delta >= TimeSpan.Zero)
        {
            return delta;
        }
        if (retry?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }
        if (response.Headers.TryGetValues("Retry-After", out var raw) && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return TimeSpan.FromSeconds(30);
    }

    public void Dispose()
    {
        foreach (var (_, limiter) in _lanes.Values)
        {
            limiter.Dispose();
        }
    }
}
