using HibachiAdmin.Features.Campaigns;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>Every hold reason the API names has words a person reads on the campaign page (issue 24.8).</summary>
public sealed class HoldReasonLabelTests
{
    [Fact]
    public void Every_hold_reason_has_its_own_words()
    {
        var reasons = typeof(HoldReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.True(reasons.Count >= 10, string.Join(", ", reasons));
        var labels = reasons.Select(HoldReasons.Label).ToList();
        Assert.All(reasons.Zip(labels), p => Assert.NotEqual(p.First, p.Second));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }
}
