namespace HibachiAdmin.Common;

/// <summary>
/// Open-redirect guard for sign-in and sign-out: only a path on this site ("/leads?x=1") is kept;
/// anything else (absolute URLs, "//host", "/\host", control characters) becomes "/".
/// </summary>
public static partial class LocalUrl
{
    public static string OrRoot(string? url)
    {
        if (string.IsNullOrEmpty(url) || Scheme().IsMatch(url))
        {
            return "/";
        }
        if (url[0] != '/')
        {
            url = "/" + url;
        }
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return "/";
        }
        return url.Any(c => char.IsControl(c) || c == '\\') || url.Length > 2000 ? "/" : url;
    }

    /// <summary>"https:", "javascript:", "http:host" …: an absolute URL, never local.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial System.Text.RegularExpressions.Regex Scheme();
}
