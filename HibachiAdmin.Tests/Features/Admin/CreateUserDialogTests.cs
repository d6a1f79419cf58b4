using Bunit;
using HibachiAdmin.Features.Admin;
using HibachiAdmin.Tests.Components;

namespace HibachiAdmin.Tests.Features.Admin;

/// <summary>Issue 24 item 13: the new-user dialog pre-ticked Staff, so picking Manager created "Manager, Staff".</summary>
public sealed class CreateUserDialogTests : MudTestContext
{
    [Fact]
    public async Task No_role_is_ticked_until_the_admin_picks_one_and_creating_without_one_is_refused()
    {
        var provider = await OpenDialogAsync<CreateUserDialog>();
        Assert.True(string.IsNullOrEmpty(provider.Find("input[data-testid=new-user-roles], [data-testid=new-user-roles] input").GetAttribute("value")), "a role is pre-ticked");
        provider.Find("input[data-testid=new-user-email], [data-testid=new-user-email] input").Change("new.person@test.local");
        provider.Find("[data-testid=create-user]").Click();
        provider.WaitForAssertion(() => Assert.Contains("Pick at least one role.", provider.Markup, StringComparison.Ordinal));
    }
}
