using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HibachiAdmin.Common;

/// <summary>
/// Strict readers for every scalar the API takes: one rule for all endpoints. Numbers are JSON numbers
/// (never strings), whole numbers are whole and in range, dates are YYYY-MM-DD, times HH:mm, enums one
/// declared name. Each refusal says what was expected.
/// </summary>
public static class StrictJson
{
    public const string ExpectedString = "Expected a string.";
    public const string ExpectedText = "Expected text in UTF-8 (no lone surrogates).";
    public const string ExpectedInteger = "Expected a whole number.";
    public const string ExpectedNumber = "Expected a number (not a string, at most 28 significant digits).";
    public const string ExpectedDate = "Expected a date as YYYY-MM-DD.";
    public const string ExpectedTime = "Expected a local time as HH:mm.";
    public const string ExpectedInstant = "Expected an ISO 8601 UTC time from 2000 to 2099, e.g. 2026-12-05T18:00:00Z.";

    /// <summary>
    /// The instants the API takes (<see cref="MaxInstant"/> excluded): wider than any real schedule, and far
    /// enough from DateTime's ends that adding a day, a time zone's offset or a quiet-hours window to one
    /// never overflows (0001-01-01 and 9999-12-31 did, as 500s).
    /// </summary>
    public static readonly DateTimeOffset MinInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset MaxInstant = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const string ExpectedGuid = "Expected an id (a GUID).";
    public const string ExpectedBool = "Expected true or false.";
    public const string ExpectedArray = "Expected an array.";
    public const string ExpectedObject = "Expected a JSON object.";

    public static void AddTo(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new StringConverter());
        options.Converters.Add(new IntConverter());
        options.Converters.Add(new LongConverter());
        options.Converters.Add(new DecimalConverter());
        options.Converters.Add(new DateOnlyConverter());
        options.Converters.Add(new TimeOnlyConverter());
        options.Converters.Add(new DateTimeConverter());
        options.Converters.Add(new DateTimeOffsetConverter());
        options.Converters.Add(new GuidConverter());
        options.Converters.Add(new BoolConverter());
    }

    /// <summary>What a field of <paramref name="type"/> expects, for problems raised outside the converters.</summary>
    public static string ExpectedFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return StrictEnum.Expected(type);
        }
        return type switch
        {
            _ when type == typeof(string) => ExpectedString,
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => ExpectedInteger,
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => ExpectedNumber,
            _ when type == typeof(DateOnly) => ExpectedDate,
            _ when type == typeof(TimeOnly) => ExpectedTime,
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => ExpectedInstant,
            _ when type == typeof(Guid) => ExpectedGuid,
            _ when type == typeof(bool) => ExpectedBool,
            _ when type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => ExpectedArray,
            _ => ExpectedObject,
        };
    }

    private static bool InRange(DateTimeOffset at) => at >= MinInstant && at < MaxInstant;

    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && StrictEnum.TryParse<TEnum>(reader.GetString(), out var value)
                ? value
                : throw new JsonFieldException(StrictEnum.Expected(typeof(TEnum)));

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StrictEnum.WireName(value)
                ?? throw new UnwritableValueException($"{typeof(TEnum).Name} value {Convert.ToInt64(value, CultureInfo.InvariantCulture)} is not a declared name; the stored row is invalid."));
    }

    private sealed class StringConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonFieldException(ExpectedString);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class IntConverter : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw new JsonFieldException(ExpectedInteger);

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class LongConverter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw new JsonFieldException(ExpectedInteger);

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class DecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw new JsonFieldException(ExpectedNumber);

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                ? value
                : throw new JsonFieldException(ExpectedDate);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class TimeOnlyConverter : JsonConverter<TimeOnly>
    {
        private static readonly string[] Formats = ["HH:mm", "HH:mm:ss"];

        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TimeOnly.TryParseExact(reader.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                ? value
                : throw new JsonFieldException(ExpectedTime);

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(value.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
    }

    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at) && InRange(at) && reader.TryGetDateTime(out var value)
                ? value
                : throw new JsonFieldException(ExpectedInstant);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value) && InRange(value) ? value : throw new JsonFieldException(ExpectedInstant);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class GuidConverter : JsonConverter<Guid>
    {
        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw new JsonFieldException(ExpectedGuid);

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class BoolConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new JsonFieldException(ExpectedBool),
        };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }
}
