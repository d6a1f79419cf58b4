using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsCheck;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>
/// Fuzzes every JSON endpoint found in the endpoint data source (like the route crawl, so new
/// endpoints are covered without touching this test). For each body field of each endpoint it sends
/// a body that is valid except for that field, which gets a wrong type, a combined or numeric enum, a
/// null (required fields), a huge number, a string past its limit, a bad date/time or an instant at
/// DateTime's ends, a null array item, or text that is not UTF-8; CsCheck adds random out-of-range
/// values. Fields of nested objects (a campaign's audience) are fuzzed the same way under their JSON
/// path. Every answer must be a 4xx problem naming the field by its JSON path (a body that is not UTF-8:
/// a 4xx problem), and afterwards every list endpoint answers 200 with the totals it had before
/// (nothing half-stored). Provider webhooks, found the same way, get correctly authenticated bodies
/// that are not UTF-8: a 400 problem and nothing stored.
/// </summary>
public sealed class JsonFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string MetaSecret = "fuzz-meta-app-secret";
    private const string RingCentralToken = "fuzz-ringcentral-token";
    private const string StripeSecret = "whsec_fuzz_stripe_secret";

    private readonly AppFactory _app = new AppFactory()
        .With("Meta:AppSecret", MetaSecret).With("RingCentral:VerificationToken", RingCentralToken)
        .With("Stripe:WebhookSecret", StripeSecret).With("Hangfire:ProcessJobs", "false");
    private HttpClient _client = default!;
    private readonly Dictionary<string, string> _ids = [];

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        var contact = await _client.PostAsJsonAsync("/api/v1/contacts", new { name = "Fuzz Base", phone = "+12125550100" });
        _ids["contacts"] = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var lead = await _client.PostAsJsonAsync("/api/v1/leads", new { contactId = _ids["contacts"], source = "sms" });
        _ids["leads"] = (await lead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var booking = await _client.PostAsJsonAsync("/api/v1/bookings", new { contactId = _ids["contacts"], eventDate = "2030-06-01", guestCount = 20, pricePerPerson = 60 });
        _ids["bookings"] = (await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Target(string Method, string Url, Type Body);

    /// <param name="Path">The JSON path, dotted for nested objects (<c>audience.includeTags</c>).</param>
    private sealed record Field(string Path, Type Type, bool Required, int? MaxLength)
    {
        public string Parent => Path.LastIndexOf('.') is var dot and >= 0 ? Path[..dot] : "";

        public string Name => Path[(Path.LastIndexOf('.') + 1)..];
    }

    private List<Target> Targets(List<string> undocumented)
    {
        var targets = new List<Target>();
        foreach (var endpoint in _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            // Provider webhooks are checked by their own suites (signatures, provider payload shapes).
            if (!pattern.StartsWith("/api/v1/", StringComparison.Ordinal) || pattern.Contains("/webhooks", StringComparison.Ordinal))
            {
                continue;
            }
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var body = endpoint.Metadata.GetMetadata<DocumentedBody>()?.Type
                ?? (accepts?.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase)) == true ? accepts.RequestType : null);
            if (body is null)
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (body == typeof(JsonElement))
                {
                    undocumented.Add($"{method} {pattern}");
                    continue;
                }
                targets.Add(new Target(method, Concrete(endpoint.RoutePattern), body));
            }
        }
        return targets;
    }

    /// <summary>Route ids are real (the seeded contact, lead, booking) so validation, not a 404, answers.</summary>
    private string Concrete(RoutePattern pattern)
    {
        var segments = new List<string>();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart l => l.Content,
                RoutePatternParameterPart => previous is not null && _ids.TryGetValue(previous, out var id) ? id : Guid.NewGuid().ToString(),
                _ => "",
            }));
            previous = text;
            segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }

    private static JsonSerializerOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>The body's fields and, under their JSON path, the fields of the objects it nests (our own types).</summary>
    private static List<Field> Fields(Type body, JsonSerializerOptions options, string prefix = "", int depth = 0)
    {
        var info = options.GetTypeInfo(body);
        var fields = new List<Field>();
        foreach (var property in info.Properties)
        {
            var clr = body.GetProperty(property.AttributeProvider is MemberInfo m ? m.Name : property.Name, BindingFlags.Public | BindingFlags.Instance);
            var required = clr?.GetCustomAttribute<RequiredAttribute>() is not null;
            var length = clr?.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;
            var field = new Field(prefix + property.Name, property.PropertyType, required, length);
            fields.Add(field);
            if (IsObject(property.PropertyType) && depth < 4)
            {
                fields.AddRange(Fields(property.PropertyType, options, field.Path + ".", depth + 1));
            }
        }
        return fields;
    }

    private static bool IsObject(Type type) =>
        type.IsClass && type.Assembly == typeof(ApiConventions).Assembly && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static bool IsArray(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    /// <summary>
    /// The body with <paramref name="target"/> set to <paramref name="value"/>: required fields valid, the
    /// objects on the way to a nested target present (with their own required fields), nothing else.
    /// </summary>
    private string BodyWith(List<Field> fields, Field target, string value, string parent = "")
    {
        var members = new List<string>();
        foreach (var field in fields.Where(f => f.Parent == parent))
        {
            if (field == target)
            {
                members.Add($"\"{field.Name}\":{value}");
            }
            else if (target.Path.StartsWith(field.Path + ".", StringComparison.Ordinal))
            {
                members.Add($"\"{field.Name}\":{BodyWith(fields, target, value, field.Path)}");
            }
            else if (field.Required)
            {
                members.Add($"\"{field.Name}\":{Valid(field)}");
            }
        }
        return "{" + string.Join(',', members) + "}";
    }

    /// <summary>A valid JSON value for a field, so only the fuzzed field is wrong.</summary>
    private string Valid(Field field)
    {
        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        return field.Name switch
        {
            "contactId" => $"\"{_ids["contacts"]}\"",
            "leadId" => $"\"{_ids["leads"]}\"",
            "phone" => "\"+12125550199\"",
            "email" => "\"fuzz@example.com\"",
            "state" => "\"NY\"",
            "eventDate" => "\"2030-07-01\"",
            "eventTime" => "\"18:00\"",
            "leadOutcome" => "\"lost\"",
            "guestCount" => "20",
            _ when type.IsEnum => $"\"{HibachiAdmin.Common.Validation.CamelCase(Enum.GetNames(type)[0])}\"",
            _ when type == typeof(string) => "\"ok\"",
            _ when type == typeof(int) => "1",
            _ when type == typeof(decimal) => "10",
            _ when type == typeof(bool) => "true",
            _ when type == typeof(Guid) => $"\"{Guid.NewGuid()}\"",
            _ when type == typeof(DateOnly) => "\"2030-07-01\"",
            _ when type == typeof(TimeOnly) => "\"18:00\"",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "\"2030-07-01T18:00:00Z\"",
            _ => "[\"ok\"]",
        };
    }

    private static string JsonString(string text) => JsonSerializer.Serialize(text);

    /// <summary>Invalid JSON values for a field of this type: fixed edge cases plus CsCheck's random ones.</summary>
    private static IEnumerable<string> Invalid(Field field)
    {
        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        if (field.Required)
        {
            yield return "null";
        }
        var tooLong = Gen.Int[(field.MaxLength ?? 150_000) + 1, (field.MaxLength ?? 150_000) + 2_000].Single();
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(HibachiAdmin.Common.Validation.CamelCase).ToArray();
            yield return JsonString($"{names[0]},{names[^1]}");
            yield return "\"1\"";
            yield return "1";
            yield return JsonString(Gen.String[1, 12].Single() + "#");
            yield return "true";
        }
        else if (type == typeof(string))
        {
            yield return "123";
            yield return "true";
            yield return "{}";
            yield return "[]";
            yield return JsonString(new string('x', tooLong));
            // Valid JSON, not text: an escaped lone surrogate (no database can store it).
            yield return "\"ok\\ud800\"";
        }
        else if (type == typeof(int))
        {
            yield return "\"20\"";
            yield return "2.5";
            yield return "1e400";
            yield return "99999999999";
            yield return Gen.Long[(long)int.MaxValue + 1, long.MaxValue].Single().ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return "true";
        }
        else if (type == typeof(decimal))
        {
            yield return "\"20\"";
            yield return "1e400";
            yield return "79228162514264337593543950335";
            yield return "1e27";
            yield return "-1e30";
            yield return Gen.Decimal[10_000_001m, 1e20m].Single().ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return "true";
        }
        else if (type == typeof(DateOnly))
        {
            yield return "\"2026-12-26T23:00:00Z\"";
            yield return "\"12/05/2026\"";
            yield return "\"2026-02-30\"";
            yield return "20261205";
        }
        else if (type == typeof(TimeOnly))
        {
            yield return "\"7pm\"";
            yield return "\"25:00\"";
            yield return "1900";
        }
        else if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            yield return "\"tomorrow\"";
            yield return "1700000000";
            // DateTime's ends (adding a day or an offset to them overflows) and random years outside the API's range.
            yield return "\"0001-01-01T00:00:00Z\"";
            yield return "\"9999-12-31T23:59:59Z\"";
            yield return "\"9999-12-31T23:59:59-14:00\"";
            yield return "\"0001-01-01T00:00:00+14:00\"";
            yield return $"\"{Gen.OneOf(Gen.Int[1, 1999], Gen.Int[2100, 9999]).Single():D4}-06-15T12:00:00Z\"";
        }
        else if (type == typeof(Guid))
        {
            yield return "\"nope\"";
            yield return "12";
        }
        else if (type == typeof(bool))
        {
            yield return "\"true\"";
            yield return "1";
        }
        else
        {
            yield return "\"x\"";
            yield return "5";
            yield return "[1]";
            yield return $"[{JsonString(new string('t', 1_000))}]";
        }
        if (IsArray(type))
        {
            // JSON reads [null] into a list of strings without complaint; the endpoint must not.
            yield return "[null]";
            yield return $"[{ValidItem(type)},null]";
        }
    }

    /// <summary>One valid item of an array field (for "[valid, null]").</summary>
    private static string ValidItem(Type array)
    {
        var item = array.IsArray ? array.GetElementType()! : array.GetGenericArguments().FirstOrDefault() ?? typeof(string);
        return item == typeof(Guid) ? $"\"{Guid.NewGuid()}\"" : item == typeof(int) ? "1" : "\"ok\"";
    }

    /// <summary>Bytes that are not UTF-8 (a lead byte without its continuation, a byte never used, an encoded surrogate, an overlong "/").</summary>
    private static readonly byte[][] NotUtf8 = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF]];

    /// <summary><paramref name="json"/> with <paramref name="bad"/> in place of each "@@" (inside strings).</summary>
    private static byte[] WithBytes(string json, byte[] bad) =>
        json.Split("@@").Select(Encoding.UTF8.GetBytes).Aggregate((a, b) => [.. a, .. bad, .. b]);

    private async Task<Dictionary<string, int>> ListTotalsAsync()
    {
        var totals = new Dictionary<string, int>();
        foreach (var endpoint in _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (!pattern.StartsWith("/api/v1/", StringComparison.Ordinal) || pattern.Contains('{', StringComparison.Ordinal) || !methods.Contains("GET")
                || pattern.EndsWith(".csv", StringComparison.Ordinal) || pattern.Contains("/webhooks", StringComparison.Ordinal))
            {
                continue;
            }
            using var response = await _client.GetAsync(pattern);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pattern} → {(int)response.StatusCode}");
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("total", out var total))
            {
                totals[pattern] = total.GetInt32();
            }
        }
        return totals;
    }

    [Fact]
    public async Task Every_json_endpoint_answers_bad_fields_with_a_4xx_naming_them_and_stores_nothing()
    {
        var undocumented = new List<string>();
        var targets = Targets(undocumented);
        Assert.True(undocumented.Count == 0, "JSON endpoints read as JsonElement without .Accepts<T>() (cannot be fuzzed or documented):\n" + string.Join('\n', undocumented));
        Assert.True(targets.Count >= 8, $"only {targets.Count} JSON endpoints found");
        var before = await ListTotalsAsync();
        Assert.Contains("/api/v1/leads", before.Keys);

        var options = Options(_app.Services);
        var failures = new List<string>();
        var probes = 0;
        foreach (var target in targets)
        {
            var fields = Fields(target.Body, options);
            foreach (var field in fields)
            {
                // Text that is not UTF-8 in each string field, raw bytes (a StringContent would re-encode them).
                var notUtf8 = (Nullable.GetUnderlyingType(field.Type) ?? field.Type) == typeof(string)
                    ? NotUtf8.Select(b => (Shown: $"\"ok<{Convert.ToHexString(b)}>\"", Body: WithBytes(BodyWith(fields, field, "\"ok@@\""), b)))
                    : [];
                foreach (var (bad, bytes) in Invalid(field).Select(v => (v, Encoding.UTF8.GetBytes(BodyWith(fields, field, v)))).Concat(notUtf8))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = new ByteArrayContent(bytes) };
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    using var response = await _client.SendAsync(request);
                    probes++;
                    var text = await response.Content.ReadAsStringAsync();
                    var shown = bad.Length > 60 ? bad[..60] + "…" : bad;
                    var where = $"{target.Method} {target.Url} {field.Path}={shown}";
                    if ((int)response.StatusCode is < 400 or >= 500)
                    {
                        failures.Add($"{where} → {(int)response.StatusCode} {Cut(text)}");
                        continue;
                    }
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{where} → {(int)response.StatusCode} not problem+json");
                        continue;
                    }
                    if (text.Contains("System.", StringComparison.Ordinal) || text.Contains("Implicit body", StringComparison.Ordinal))
                    {
                        failures.Add($"{where} → framework text: {Cut(text)}");
                    }
                    if (response.StatusCode == HttpStatusCode.BadRequest && !bad.StartsWith("\"ok<", StringComparison.Ordinal) && !NamesField(text, field.Path))
                    {
                        failures.Add($"{where} → 400 not naming {field.Path}: {Cut(text)}");
                    }
                }
            }
        }
        output.WriteLine($"{probes} probes over {targets.Count} endpoints: {string.Join(", ", targets.Select(t => $"{t.Method} {t.Url}"))}");
        Assert.True(probes > 150, $"only {probes} probes");
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes} probes failed:\n" + string.Join('\n', failures.Take(60)));
        Assert.Equal(before, await ListTotalsAsync());
    }

    /// <summary>A body both providers' webhooks read (RingCentral's uuid, Meta's object/entry/messaging), text marked "@@".</summary>
    private const string WebhookBody = """
        {"id":"evt_fuzz_@@","type":"fuzz.event","uuid":"fuzz-@@","event":"/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS","body":{"id":"1","subject":"hi @@"},
         "object":"page","entry":[{"id":"104857600012345","time":1710428966123,"messaging":[{"sender":{"id":"6789012345678901"},
         "recipient":{"id":"104857600012345"},"timestamp":1710428965870,"message":{"mid":"m_fuzz","text":"hi @@"}}]}]}
        """;

    /// <summary>The request a provider sends: its authentication over exactly these bytes. Null for a webhook this suite does not know.</summary>
    private static HttpRequestMessage? Authenticated(string pattern, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pattern) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (pattern.StartsWith("/api/v1/meta/", StringComparison.Ordinal))
        {
            request.Headers.Add("X-Hub-Signature-256", HibachiAdmin.Infrastructure.Providers.Meta.MetaSignature.Sign(body, MetaSecret));
        }
        else if (pattern.StartsWith("/api/v1/stripe/", StringComparison.Ordinal))
        {
            request.Headers.Add("Stripe-Signature", HibachiAdmin.Features.Payments.StripeSignature.Sign(body, StripeSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        }
        else if (pattern.StartsWith("/api/v1/ringcentral/", StringComparison.Ordinal))
        {
            request.Headers.Add("Verification-Token", RingCentralToken);
        }
        else
        {
            request.Dispose();
            return null;
        }
        return request;
    }

    [Fact]
    public async Task Every_authenticated_webhook_refuses_a_body_that_is_not_UTF8_and_stores_nothing()
    {
        var webhooks = _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("/webhooks", StringComparison.Ordinal) == true
                        && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/')).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(webhooks.Count >= 3, $"only {webhooks.Count} webhooks found: {string.Join(", ", webhooks)}");
        var failures = new List<string>();
        foreach (var pattern in webhooks)
        {
            foreach (var bad in NotUtf8)
            {
                using var request = Authenticated(pattern, WithBytes(WebhookBody, bad));
                if (request is null)
                {
                    failures.Add($"{pattern}: unknown webhook; add how its provider authenticates to {nameof(Authenticated)}");
                    break;
                }
                using var response = await _client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{pattern} with {Convert.ToHexString(bad)} → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Set<InboundEvent>().CountAsync());
        }
        // The same bodies as UTF-8 are taken: the refusals were about the bytes, not the shape or the authentication.
        foreach (var pattern in webhooks)
        {
            using var request = Authenticated(pattern, Encoding.UTF8.GetBytes(WebhookBody.Replace("@@", "ok", StringComparison.Ordinal)))!;
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
        }
    }

    private static bool NamesField(string problem, string path)
    {
        var json = JsonDocument.Parse(problem).RootElement;
        return json.TryGetProperty("errors", out var errors)
            && errors.EnumerateObject().Any(e => e.Name == path || e.Name.StartsWith(path + "[", StringComparison.Ordinal) || e.Name.StartsWith(path + ".", StringComparison.Ordinal));
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
