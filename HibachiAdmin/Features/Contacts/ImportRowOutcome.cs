using Microsoft.EntityFrameworkCore;


namespace HibachiAdmin.Features.Contacts;

public enum ImportRowOutcome
{
    Create,
    Update,
    Reject,
}
