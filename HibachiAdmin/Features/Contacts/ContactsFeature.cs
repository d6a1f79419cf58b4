using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Contacts;

public static class ContactsFeature
{
    public static WebApplicationBuilder AddContacts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Phones>();
        builder.Services.AddSingleton<OptInRequestService>();
        builder.Services.AddSingleton<Contracts.IOptInRequests>(sp => sp.GetRequiredService<OptInRequestService>());
        builder.Services.AddSingleton<ContactService>();
        builder.Services.AddSingleton<Contracts.IContactService>(sp => sp.GetRequiredService<ContactService>());
        builder.Services.AddSingleton<ContactImport>();
        builder.Services.AddSingleton<IDemoSeedContributor, ContactsDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        app.MapContactsApi();
        return app;
    }
}
