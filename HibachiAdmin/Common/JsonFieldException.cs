using System.Text.Json;
using System.Text.Json.Serialization;

namespace HibachiAdmin.Common;

/// <summary>
/// A JSON value of the wrong type or format. The message is the expected format (shown to the
/// client); System.Text.Json fills in <see cref="JsonException.Path"/>, so the problem names the field.
/// </summary>
public sealed class JsonFieldException(string expected) : JsonException(expected);
