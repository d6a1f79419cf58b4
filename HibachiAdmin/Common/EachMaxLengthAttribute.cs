using System.ComponentModel.DataAnnotations;

namespace HibachiAdmin.Common;

/// <summary>Every string in a list is at most <see cref="Length"/> characters (a tag, say); <see cref="MaxLengthAttribute"/> counts only the items.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EachMaxLengthAttribute(int length) : ValidationAttribute
{
    public int Length { get; } = length;

    public override bool IsValid(object? value) =>
        value is not IEnumerable<string?> items || items.All(item => item is null || item.Length <= Length);
}
