using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Bookings.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings.Chefs;

/// <summary>Admin > Team through the API: Admins write, staff read; phones as people write them; the public contract lists the same.</summary>
public sealed class ChefTeamApiTests(ChefTestApp t) : IClassFixture<ChefTestApp>
{
    [Fact]
    public async Task An_admin_adds_a_chef_with_the_phone_as_people_write_it_and_staff_can_read_but_not_write()
    {
        var phone = TestPhones.Next();
        var created = await t.Admin.PostAsJsonAsync("/api/v1/chefs", new { name = "  Hana Team ", phone = phone.Typed, homeZip = "11201", kind = "contractor", daysOff = new[] { "2026-12-25", "2026-12-24" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var chef = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Hana Team", chef.GetProperty("name").GetString());
        Assert.Equal(phone.E164, chef.GetProperty("phone").GetString());
        Assert.Equal("contractor", chef.GetProperty("kind").GetString());
        Assert.Equal(["2026-12-24", "2026-12-25"], chef.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()!).ToArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await t.Staff.PostAsJsonAsync("/api/v1/chefs", new { name = "Nope", phone = TestPhones.Next().Typed })).StatusCode);
        var id = chef.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Staff.PutAsJsonAsync($"/api/v1/chefs/{id}", new { name = "Nope", phone = phone.Typed })).StatusCode);
        var list = await t.Staff.GetFromJsonAsync<JsonElement>("/api/v1/chefs?pageSize=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);

        var directory = t.App.Services.GetRequiredService<IChefDirectory>();
        Assert.Contains(await directory.ListAsync(false, default), c => c.Id == Guid.Parse(id) && c.Phone == phone.E164);
    }

    [Theory]
    [InlineData("""{"name":"X","phone":"12"}""", "phone")]
    [InlineData("""{"name":"   ","phone":"(212) 555-0100"}""", "name")]
    [InlineData("""{"name":"X","phone":"(212) 555-0100","homeZip":"ABCDE"}""", "homeZip")]
    [InlineData("""{"name":"X","phone":"(212) 555-0100","userId":"no-such-user"}""", "userId")]
    [InlineData("""{"name":"X","phone":"(212) 555-0100","kind":"chef"}""", "kind")]
    [InlineData("""{"name":"X","phone":"(212) 555-0100","daysOff":["2026-13-01"]}""", "daysOff[0]")]
    public async Task A_chef_with_a_bad_field_is_a_400_naming_it_and_nothing_is_stored(string body, string field)
    {
        var before = (await t.Staff.GetFromJsonAsync<JsonElement>("/api/v1/chefs?includeInactive=true")).GetProperty("total").GetInt32();
        var response = await t.Admin.PostAsync("/api/v1/chefs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}: {errors}");
        Assert.Equal(before, (await t.Staff.GetFromJsonAsync<JsonElement>("/api/v1/chefs?includeInactive=true")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_chefs_parties_come_from_the_contract_with_their_times_and_every_chef_on_them()
    {
        var (a, _) = await t.ChefAsync("Ida Contract");
        var (b, _) = await t.ChefAsync("Jo Contract");
        var party = await t.BookingAsync("Kai Host", "2026-12-05", "18:30");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, a)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, b)).StatusCode);

        var directory = t.App.Services.GetRequiredService<IChefDirectory>();
        var parties = await directory.PartiesForChefAsync(Guid.Parse(a), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), default);
        var only = Assert.Single(parties);
        Assert.Equal(Guid.Parse(party), only.BookingId);
        Assert.Equal(new DateTime(2026, 12, 5, 23, 30, 0, DateTimeKind.Utc), only.StartUtc); // 18:30 EST
        Assert.Equal(new DateTime(2026, 12, 6, 2, 30, 0, DateTimeKind.Utc), only.EndUtc);
        Assert.Equal([Guid.Parse(a), Guid.Parse(b)], only.ChefIds);
        Assert.Empty(await directory.PartiesForChefAsync(Guid.Parse(a), new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 31), default));

        var api = await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/chefs/{b}/parties?from=2026-12-01&to=2026-12-31");
        Assert.Equal(party, Assert.Single(api.EnumerateArray()).GetProperty("bookingId").GetString());
    }
}
