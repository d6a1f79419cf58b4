using Humanizer;

namespace HibachiAdmin.Common;

/// <summary>
/// The one label a person sees for an enum value, everywhere it is shown: Humanizer's sentence-case words
/// ("BusinessCard" → "Business card"), or the member's <see cref="System.ComponentModel.DescriptionAttribute"/>
/// where the words are not enough ("Sms" → "SMS", "QrCode" → "QR code"). JSON and CSV keep the code names; these are
/// for screens and messages. Browser tests fail on a code name that reaches a page.
/// </summary>
public static class EnumText
{
    public static string Label<T>(this T value) where T : struct, Enum => value.Humanize();

    /// <summary>The label in lower case for the middle of a sentence ("a confirmed booking"), acronyms kept.</summary>
    public static string LabelInSentence<T>(this T value) where T : struct, Enum
    {
        var label = value.Label();
        return label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];
    }
}
