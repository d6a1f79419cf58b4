namespace HibachiAdmin.Features.Reviews;

public enum ReviewPlatform
{
    Google,
    Yelp,
    Facebook,
}
