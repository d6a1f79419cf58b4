using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Calls;

public sealed class CallEventsTests : IAsyncLifetime
{
    private const string Token = "voice-token";
    private readonly AppFactory _app = new AppFactory().With("RingCentral:VerificationToken", Token).With("Hangfire:ProcessJobs", "false");

    private static string Fixture(string name) => Fixtures.Read(name);

    private async Task PostAsync(string fixture)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/voice") { Content = new StringContent(Fixture(fixture), Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", Token);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().SendAsync(request)).StatusCode);
        // Processed and its effects dispatched by hand, oldest first, as the jobs would (no background worker races the test).
        await Pipeline.RunToCompletionAsync(_app.Services);
    }

    private async Task<CallLog> CallAsync(string sessionId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<CallLog>().SingleAsync(c => c.TelephonySessionId == sessionId);
    }

    [Fact]
    public async Task Events_arriving_out_of_order_never_move_the_call_backwards()
    {
        await PostAsync("ringcentral-telephony-session-proceeding.json");
        await PostAsync("ringcentral-telephony-session-disconnected.json");
        await PostAsync("ringcentral-telephony-session-answered.json"); // sequence 4 arrives after 7

        var call = await CallAsync("s-a0d7c2e4f1b3e5f0a9d8c7b6e5f4a3b2");
        Assert.Equal("Disconnected", call.Status);
        Assert.Equal(7, call.LastSequence);
        Assert.NotNull(call.AnsweredAt);
        Assert.Equal(184, call.DurationSeconds);
        Assert.False(call.Missed);
        Assert.Equal("2904558880016", call.RecordingId);

        var api = await _app.CreateAdminClientAsync();
        var recording = await api.GetAsync($"/api/v1/calls/{call.Id}/recording");
        Assert.Equal(HttpStatusCode.OK, recording.StatusCode);
        Assert.Equal("audio/wav", recording.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync($"/api/v1/calls/{call.Id}/recording")).StatusCode);
    }

    [Fact]
    public async Task A_voicemail_from_an_unknown_number_creates_a_phone_lead()
    {
        await PostAsync("ringcentral-telephony-session-voicemail.json");
        var call = await CallAsync("s-b1e8d3f5a2c4f6a1b0e9d8c7f6a5b4c3");
        Assert.True(call.Voicemail);
        Assert.NotNull(call.LeadId);
        var api = await _app.CreateAdminClientAsync();
        var lead = await api.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{call.LeadId}");
        Assert.Equal("phone", lead.GetProperty("source").GetString());
        Assert.Equal(call.Id.ToString(), lead.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task A_voicemail_from_a_known_contact_does_not_create_a_lead()
    {
        await _app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("+14055550199", "Known Caller", default);
        await PostAsync("ringcentral-telephony-session-voicemail.json");
        var call = await CallAsync("s-b1e8d3f5a2c4f6a1b0e9d8c7f6a5b4c3");
        Assert.True(call.Voicemail);
        Assert.Null(call.LeadId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

public sealed class MissedCallTextBackTests
{
    [Fact]
    public async Task A_missed_new_caller_gets_one_text_back_shifted_into_their_local_window()
    {
        var jobs = new RecordingJobClient();
        // 03:00 UTC = 21:00 in Oklahoma City the evening before: outside Oklahoma's 08:00–20:00.
        await using var app = new AppFactory
        {
            Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)),
            ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(jobs),
        }.With("Calls:MissedCallTextBack", "true").With("RingCentral:VerificationToken", "t");

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/voice")
        {
            Content = new StringContent(Fixtures.Read("ringcentral-telephony-session-voicemail.json"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Verification-Token", "t");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        await Pipeline.RunToCompletionAsync(app.Services);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var call = await db.Set<CallLog>().SingleAsync();
        Assert.NotNull(call.LeadId);
        Assert.Equal(new DateTime(2026, 11, 24, 14, 0, 0, DateTimeKind.Utc), call.TextBackDueAt);

        // Not yet due: nothing goes out at 9 PM in Oklahoma.
        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<MissedCallTextBackJob>();
        await job.RunAsync(default);
        Assert.Equal(0, await db.Set<OutboundMessage>().CountAsync(m => m.To == "+14055550199"));

        // Due at 08:00 local; running the job twice sends one text.
        app.Time!.SetUtcNow(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
        await job.RunAsync(default);
        await job.RunAsync(default);
        Assert.Equal(1, await db.Set<OutboundMessage>().CountAsync(m => m.To == "+14055550199"));
    }
}
