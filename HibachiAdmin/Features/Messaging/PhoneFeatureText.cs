namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// A provider's phone-number feature in words, with RingCentral's own name beside it (the name an admin looks for in
/// RingCentral's console): "High Volume SMS (A2PSmsSender)".
/// </summary>
internal static class PhoneFeatureText
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["SmsSender"] = "Texts to one person",
        ["A2PSmsSender"] = "High Volume SMS (campaigns)",
        ["MmsSender"] = "Picture messages",
        ["CallerId"] = "Caller ID",
        ["FaxSender"] = "Fax",
        ["InternationalSmsSender"] = "International texts",
        ["CallFlip"] = "Call flip",
        ["Softphone"] = "Softphone",
    };

    public static string Label(string feature) =>
        Words.TryGetValue(feature, out var words) ? $"{words} ({feature})" : feature;
}
