namespace HibachiAdmin.Features.Contacts;

/// <summary>A value that may be absent (not the same as null) in a patch.</summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}
