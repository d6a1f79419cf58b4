namespace HibachiAdmin.Common;

/// <summary>
/// Open-redirect guard for sign-in and sign-out: only a path on this site ("/leads?x=1") is kept;
/// anything else (absolute URLs, "//host", "/\host", control characters) becomes "/".
/// </summary>
public static class LocalUrl
{
    public static string OrRoot(string? url)
    {
        if (string.IsNullOrEmpty(url))
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
}
