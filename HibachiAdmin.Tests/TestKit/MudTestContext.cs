using Bunit;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Shared bUnit base: MudBlazor services, loose JS interop, a signed-in user, and the popover
/// provider rendered first (dialogs and selects need it). xunit v2 disposes it asynchronously.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var auth = AddAuthorization();
        auth.SetAuthorized("tester@test.local");
        auth.SetRoles(Roles.All);
        auth.SetPolicies(Policies.Admin, Policies.ManagerPlus, Policies.MarketingPlus, Policies.StaffPlus);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DisposeResourcesAsync();
    }

    /// <summary>Releases what a test class added (connections, temp files) after the renderer is gone.</summary>
    protected virtual ValueTask DisposeResourcesAsync() => ValueTask.CompletedTask;

    /// <summary>Renders the dialog provider and opens <typeparamref name="TDialog"/> in it.</summary>
    protected async Task<IRenderedComponent<MudDialogProvider>> OpenDialogAsync<TDialog>(DialogParameters? parameters = null)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("dialog", parameters ?? new DialogParameters()));
        return provider;
    }
}
