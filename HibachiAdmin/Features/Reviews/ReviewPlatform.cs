using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Reviews;

public enum ReviewPlatform
{
    Google,
    Yelp,
    Facebook,
}
