using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Calls.Contracts;

namespace HibachiAdmin.Tests.Features.Calls;

/// <summary>Calls read in the words people use, not RingCentral's status codes ("Disconnected").</summary>
public sealed class CallOutcomeTests
{
    private static CallRow Call(string status, bool missed = false, bool voicemail = false, string direction = "Inbound") =>
        new(Guid.NewGuid(), direction, "+12125550100", null, null, null, status, DateTime.UtcNow, 60, missed, voicemail, false, null);

    [Theory]
    [InlineData("Disconnected", false, false, "Inbound", "Answered")]
    [InlineData("Disconnected", true, false, "Inbound", "Missed")]
    [InlineData("VoiceMail", true, true, "Inbound", "Voicemail")]
    [InlineData("Proceeding", false, false, "Inbound", "Ringing")]
    [InlineData("Answered", false, false, "Inbound", "On the call")]
    [InlineData("Disconnected", false, false, "Outbound", "Outgoing")]
    public void Outcome_words(string status, bool missed, bool voicemail, string direction, string expected) =>
        Assert.Equal(expected, CallOutcomeChip.Word(Call(status, missed, voicemail, direction)));
}
