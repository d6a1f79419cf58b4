using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HibachiAdmin.Tests.Infrastructure.Providers;

/// <summary>
/// A RingCentral that behaves like RingCentral, on loopback: JWT token, person-to-person SMS, the message store's
/// Message Sync (FSync/ISync with a sync token over a change log), High Volume batches, message list and opt-outs,
/// per usage-plan group budgets that answer 429 with <c>Retry-After</c> and <c>X-Rate-Limit-Group</c> (the fixture's
/// shape), and a count of every call with its time (to prove who called when). Payloads follow the fixtures in
/// PROTOCOLS.md 1.8–1.10.
/// </summary>
public sealed class RingCentralFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private long _nextId = 1740001300000;
    private readonly List<string> _changeLog = []; // message ids in the order they changed
    private readonly ConcurrentDictionary<string, FakeMessage> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _penalty = new(StringComparer.Ordinal);

    public sealed class FakeMessage
    {
        public required string Id { get; init; }
        public required string To { get; init; }
        public required string Text { get; init; }
        public string? BatchId { get; init; }
        public string Status { get; set; } = "Queued";
        public string? ErrorCode { get; set; }
        public DateTime LastModified { get; set; } = DateTime.UtcNow;
    }

    public sealed record Call(string Method, string Path, string Query, string Group, DateTimeOffset At, int Status);

    private RingCentralFake(WebApplication app) => _app = app;

    public string Url => _app.Url();

    /// <summary>Every API call (token calls included), in order.</summary>
    public ConcurrentQueue<Call> Calls { get; } = new();

    public int CallCount(string pathContains) => Calls.Count(c => c.Path.Contains(pathContains, StringComparison.Ordinal));

    /// <summary>Per group, requests allowed per <see cref="Window"/> before a 429 (RingCentral: Light 50, Medium 40, Heavy 10, Auth 5 a minute).</summary>
    public Dictionary<string, int> Limits { get; } = new(StringComparer.Ordinal) { ["light"] = 50, ["medium"] = 40, ["heavy"] = 10, ["auth"] = 5 };

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The Retry-After a 429 carries, seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 60;

    /// <summary>The next requests of a group answer 429 (whatever the budget), then the group's penalty applies.</summary>
    public ConcurrentDictionary<string, int> Force429 { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests that arrived in a group while RingCentral's penalty for it ran ("hammering").</summary>
    public int RequestsDuringPenalty;

    public IReadOnlyDictionary<string, FakeMessage> Messages => _messages;

    public List<JsonObject> Batches { get; } = [];

    /// <summary>Recipients High Volume refuses at once (the batch response's <c>rejected[]</c>), with their code.</summary>
    public Dictionary<string, (string Code, string Description)> RejectOnBatch { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers opted out at RingCentral (from, to) and the opt-out writes the app made.</summary>
    public HashSet<(string From, string To)> OptOuts { get; } = [];
    public List<JsonObject> OptOutWrites { get; } = [];

    /// <summary>Phone-number features returned by the phone-number list (e.g. SmsSender, A2PSmsSender).</summary>
    public Dictionary<string, string[]> NumberFeatures { get; } = new(StringComparer.Ordinal) { ["+12125550147"] = ["SmsSender", "A2PSmsSender"] };

    public static async Task<RingCentralFake> StartAsync()
    {
        RingCentralFake? fake = null;
        var app = await LoopbackServer.StartAsync(a =>
        {
            a.Use(async (ctx, next) =>
            {
                var group = GroupOf(ctx.Request.Method, ctx.Request.Path.Value ?? "");
                if (!fake!.Admit(group, ctx))
                {
                    await Write429Async(ctx, group, fake.RetryAfterSeconds);
                }
                else
                {
                    await next(ctx);
                }
                fake.Calls.Enqueue(new Call(ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "", group, DateTimeOffset.UtcNow, ctx.Response.StatusCode));
            });
            a.MapPost("/restapi/oauth/token", (HttpContext ctx) => Json(ctx, Fixture("ringcentral-oauth-jwt-token-response.json")));
            a.MapPost("/restapi/v1.0/account/~/extension/~/sms", async (HttpContext ctx) =>
            {
                var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject;
                var to = body?["to"]?[0]?["phoneNumber"]?.GetValue<string>() ?? "";
                var message = fake!.Add(to, body?["text"]?.GetValue<string>() ?? "", null);
                await Json(ctx, fake.Record(message, p2p: true).ToJsonString());
            });
            a.MapGet("/restapi/v1.0/account/~/extension/~/message-sync", (HttpContext ctx) => Json(ctx, fake!.Sync(ctx.Request.Query)));
            a.MapGet("/restapi/v1.0/account/~/extension/~/message-store", (HttpContext ctx) =>
            {
                var to = ctx.Request.Query["phoneNumber"].ToString();
                var records = fake!._messages.Values.Where(m => m.BatchId is null && m.To == to).Select(m => (JsonNode)fake.Record(m, p2p: true)).ToArray();
                return Json(ctx, new JsonObject { ["records"] = new JsonArray(records) }.ToJsonString());
            });
            a.MapGet("/restapi/v1.0/account/~/extension/~/message-store/{id}", (HttpContext ctx, string id) =>
                fake!._messages.TryGetValue(id, out var m) ? Json(ctx, fake.Record(m, p2p: true).ToJsonString()) : NotFound(ctx));
            a.MapGet("/restapi/v1.0/account/~/extension/~/phone-number", (HttpContext ctx) => Json(ctx, fake!.PhoneNumbers()));
            a.MapPost("/restapi/v1.0/account/~/a2p-sms/batches", async (HttpContext ctx) =>
                await Json(ctx, fake!.CreateBatch((JsonObject)(await JsonNode.ParseAsync(ctx.Request.Body))!)));
            a.MapGet("/restapi/v1.0/account/~/a2p-sms/messages", (HttpContext ctx) => Json(ctx, fake!.ListMessages(ctx.Request.Query)));
            a.MapGet("/restapi/v1.0/account/~/a2p-sms/opt-outs", (HttpContext ctx) => Json(ctx, fake!.ListOptOuts(ctx.Request.Query)));
            a.MapPatch("/restapi/v2/accounts/~/sms/consents", async (HttpContext ctx) =>
            {
                var body = (JsonObject)(await JsonNode.ParseAsync(ctx.Request.Body))!;
                lock (fake!._gate)
                {
                    fake.OptOutWrites.Add(body);
                    foreach (var r in body["records"]?.AsArray() ?? [])
                    {
                        var key = (r!["from"]?.GetValue<string>() ?? "*", r["to"]!.GetValue<string>());
                        if (r["optStatus"]?.GetValue<string>() == "OptOut")
                        {
                            fake.OptOuts.Add(key);
                        }
                    }
                }
                await Json(ctx, """{"records":[]}""");
            });
        });
        fake = new RingCentralFake(app);
        return fake;
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static string GroupOf(string method, string path) =>
        path.Contains("/oauth/", StringComparison.Ordinal) ? "auth"
        : path.EndsWith("/extension/~/sms", StringComparison.Ordinal) || path.Contains("/subscription", StringComparison.Ordinal) ? "medium"
        : path.Contains("/recording/", StringComparison.Ordinal) ? "heavy"
        : "light";

    private bool Admit(string group, HttpContext ctx)
    {
        var now = DateTimeOffset.UtcNow;
        if (_penalty.TryGetValue(group, out var until) && until > now)
        {
            Interlocked.Increment(ref RequestsDuringPenalty);
            // RingCentral restarts the penalty with every request sent during it.
            _penalty[group] = now + TimeSpan.FromSeconds(RetryAfterSeconds);
            return false;
        }
        if (Force429.TryGetValue(group, out var forced) && forced > 0)
        {
            Force429[group] = forced - 1;
            _penalty[group] = now + TimeSpan.FromSeconds(RetryAfterSeconds);
            return false;
        }
        var window = _windows.AddOrUpdate(group, _ => (now, 1), (_, w) => now - w.Start >= Window ? (now, 1) : (w.Start, w.Count + 1));
        if (Limits.TryGetValue(group, out var limit) && window.Count > limit)
        {
            _penalty[group] = now + TimeSpan.FromSeconds(RetryAfterSeconds);
            return false;
        }
        return true;
    }

    private static async Task Write429Async(HttpContext ctx, string group, int retryAfter)
    {
        using var doc = JsonDocument.Parse(Fixture("ringcentral-error-429.json"));
        ctx.Response.StatusCode = 429;
        foreach (var h in doc.RootElement.GetProperty("headers").EnumerateObject())
        {
            ctx.Response.Headers[h.Name] = h.Value.GetString();
        }
        ctx.Response.Headers["X-Rate-Limit-Group"] = group;
        ctx.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await ctx.Response.WriteAsync(doc.RootElement.GetProperty("body").GetRawText());
    }

    private static Task Json(HttpContext ctx, string json)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }

    private static Task NotFound(HttpContext ctx)
    {
        ctx.Response.StatusCode = 404;
        return Json(ctx, """{"errorCode":"CMN-102","message":"Resource not found","errors":[{"errorCode":"CMN-102","message":"Resource not found"}]}""");
    }

    private FakeMessage Add(string to, string text, string? batchId)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var message = new FakeMessage { Id = id, To = to, Text = text, BatchId = batchId };
        lock (_gate)
        {
            _messages[id] = message;
            _changeLog.Add(id);
        }
        return message;
    }

    /// <summary>The carrier reports: the message's status changes (a late or repeated report is allowed: it is what RingCentral may send).</summary>
    public void SetStatus(string id, string status, string? errorCode = null)
    {
        lock (_gate)
        {
            var m = _messages[id];
            m.Status = status;
            m.ErrorCode = errorCode;
            m.LastModified = DateTime.UtcNow;
            _changeLog.Add(id);
        }
    }

    private JsonObject Record(FakeMessage m, bool p2p)
    {
        var record = new JsonObject
        {
            ["id"] = p2p ? JsonValue.Create(long.Parse(m.Id, CultureInfo.InvariantCulture)) : JsonValue.Create(m.Id),
            ["to"] = p2p ? new JsonArray(new JsonObject { ["phoneNumber"] = m.To }) : new JsonArray(m.To),
            ["from"] = p2p ? new JsonObject { ["phoneNumber"] = "+12125550147" } : JsonValue.Create("+12125550147"),
            ["type"] = "SMS",
            ["direction"] = "Outbound",
            ["messageStatus"] = m.Status,
            ["creationTime"] = m.LastModified.ToString("O", CultureInfo.InvariantCulture),
            ["lastModifiedTime"] = m.LastModified.ToString("O", CultureInfo.InvariantCulture),
        };
        if (p2p)
        {
            record["subject"] = m.Text;
        }
        else
        {
            record["batchId"] = m.BatchId;
            record["segmentCount"] = 1;
        }
        if (m.ErrorCode is not null)
        {
            record[p2p ? "deliveryErrorCode" : "errorCode"] = m.ErrorCode;
        }
        return record;
    }

    /// <summary>Message Sync: FSync returns the messages and a token at the end of the change log; ISync what changed after the token.</summary>
    private string Sync(IQueryCollection query)
    {
        lock (_gate)
        {
            var type = query["syncType"].ToString();
            IEnumerable<FakeMessage> records;
            if (type == "ISync")
            {
                var from = int.Parse(query["syncToken"].ToString().TrimStart('t'), CultureInfo.InvariantCulture);
                records = _changeLog.Skip(from).Distinct().Select(id => _messages[id]);
            }
            else
            {
                records = _messages.Values.Where(m => m.BatchId is null).OrderBy(m => m.Id, StringComparer.Ordinal);
            }
            var list = records.Where(m => m.BatchId is null).Select(m => (JsonNode)Record(m, p2p: true)).ToArray();
            return new JsonObject
            {
                ["records"] = new JsonArray(list),
                ["syncInfo"] = new JsonObject
                {
                    ["syncType"] = type,
                    ["syncToken"] = $"t{_changeLog.Count}",
                    ["syncTime"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                    ["olderRecordsExist"] = false,
                },
            }.ToJsonString();
        }
    }

    private string PhoneNumbers() => new JsonObject
    {
        ["records"] = new JsonArray(NumberFeatures.Select(n => (JsonNode)new JsonObject
        {
            ["id"] = Math.Abs(n.Key.GetHashCode(StringComparison.Ordinal)),
            ["phoneNumber"] = n.Key,
            ["usageType"] = "DirectNumber",
            ["features"] = new JsonArray(n.Value.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        }).ToArray()),
        ["paging"] = new JsonObject { ["page"] = 1, ["perPage"] = 100 },
    }.ToJsonString();

    /// <summary>High Volume batch: per-recipient text, <c>rejected[]</c> (1-based index) for refused recipients, one message per accepted one.</summary>
    private string CreateBatch(JsonObject body)
    {
        var batchId = Guid.NewGuid().ToString();
        var rejected = new JsonArray();
        var from = body["from"]!.GetValue<string>();
        var defaultText = body["text"]?.GetValue<string>();
        var messages = body["messages"]!.AsArray();
        var accepted = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var to = messages[i]!["to"]![0]!.GetValue<string>();
            var text = messages[i]!["text"]?.GetValue<string>() ?? defaultText ?? "";
            if (RejectOnBatch.TryGetValue(to, out var why) || (OptOuts.Contains((from, to)) && (why = ("SMS-RC-413", "The recipient has opted out")) != default))
            {
                rejected.Add(new JsonObject { ["index"] = i + 1, ["to"] = new JsonArray(to), ["errorCode"] = why.Code, ["description"] = why.Description });
                continue;
            }
            Add(to, text, batchId);
            accepted++;
        }
        lock (_gate)
        {
            Batches.Add(body);
        }
        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = batchId, ["from"] = from, ["batchSize"] = accepted, ["processedCount"] = 0, ["status"] = "Processing",
            ["creationTime"] = now, ["lastModifiedTime"] = now, ["rejected"] = rejected,
        }.ToJsonString();
    }

    /// <summary>High Volume message list by batch, paged with <c>pageToken</c>.</summary>
    private string ListMessages(IQueryCollection query)
    {
        var batchId = query["batchId"].ToString();
        var phone = query["phoneNumber"].ToString();
        var detailed = query["view"].ToString() == "Detailed";
        var perPage = int.TryParse(query["perPage"], out var p) ? p : 1000;
        var start = int.TryParse(query["pageToken"].ToString(), out var s) ? s : 0;
        List<FakeMessage> all;
        lock (_gate)
        {
            all = _messages.Values.Where(m => m.BatchId is not null && (batchId.Length == 0 || m.BatchId == batchId) && (phone.Length == 0 || m.To == phone))
                .OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        }
        var page = all.Skip(start).Take(perPage).Select(m =>
        {
            var record = Record(m, p2p: false);
            if (detailed)
            {
                record["text"] = m.Text;
            }
            return (JsonNode)record;
        }).ToArray();
        var paging = new JsonObject { ["perPage"] = perPage };
        if (start + perPage < all.Count)
        {
            paging["nextPageToken"] = (start + perPage).ToString(CultureInfo.InvariantCulture);
        }
        return new JsonObject { ["records"] = new JsonArray(page), ["paging"] = paging }.ToJsonString();
    }

    private string ListOptOuts(IQueryCollection query)
    {
        var from = query["from"].ToString();
        lock (_gate)
        {
            return new JsonObject
            {
                ["records"] = new JsonArray(OptOuts.Where(o => from.Length == 0 || o.From == from)
                    .Select(o => (JsonNode)new JsonObject { ["from"] = o.From, ["to"] = o.To, ["status"] = "OptOut", ["source"] = "Recipient" }).ToArray()),
                ["paging"] = new JsonObject { ["perPage"] = 1000 },
            }.ToJsonString();
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
