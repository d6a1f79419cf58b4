using Bunit;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Tests.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Leads;

public sealed class LeadBoardViewTests : MudTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static LeadBoard Board(params LeadCard[] cards) => new(
        Enum.GetValues<LeadStatus>().Select(s =>
        {
            var inColumn = cards.Where(c => c.Status == s).ToList();
            return new BoardColumn(s, inColumn, inColumn.Count, inColumn.Sum(c => c.EstimatedValue ?? 0));
        }).ToList(), Today);

    private static LeadCard Card(string name, LeadStatus status, int? inDays, decimal value) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, LeadSource.Sms, status, inDays is { } d ? Today.AddDays(d) : null, 20, "Birthday", value, DateTime.UtcNow);

    [Fact]
    public async Task Dropping_a_card_on_Qualified_persists_the_move_and_moves_the_totals()
    {
        var card = Card("Maria Garcia", LeadStatus.New, 3, 1200);
        var moves = new List<(Guid, LeadStatus)>();
        Render<MudPopoverProvider>();
        var cut = Render<LeadBoardView>(p => p
            .Add(b => b.Board, Board(card, Card("Other", LeadStatus.Qualified, null, 300)))
            .Add(b => b.OnMove, (c, to) => { moves.Add((c.Id, to)); return Task.FromResult(true); }));

        Assert.Contains("in 3 days", cut.Find($"[data-testid=lead-card-{card.Id}]").TextContent);
        var container = cut.FindComponent<MudDropContainer<LeadBoardView.BoardItem>>();
        var item = container.Instance.Items!.Single(i => i.Card.Id == card.Id);
        await cut.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<LeadBoardView.BoardItem>(item, "Qualified", 0)));

        Assert.Equal([(card.Id, LeadStatus.Qualified)], moves);
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Maria Garcia", cut.Find("[data-testid=lead-column-qualified]").TextContent);
            Assert.DoesNotContain("Maria Garcia", cut.Find("[data-testid=lead-column-new]").TextContent);
            Assert.Equal("$1,500", cut.Find("[data-testid=lead-total-qualified]").TextContent);
            Assert.Equal("$0", cut.Find("[data-testid=lead-total-new]").TextContent);
        });
    }

    [Fact]
    public async Task A_refused_move_puts_the_card_back()
    {
        var card = Card("Chen Wang", LeadStatus.Contacted, null, 0);
        Render<MudPopoverProvider>();
        var cut = Render<LeadBoardView>(p => p
            .Add(b => b.Board, Board(card))
            .Add(b => b.OnMove, (_, _) => Task.FromResult(false)));
        var container = cut.FindComponent<MudDropContainer<LeadBoardView.BoardItem>>();
        var item = container.Instance.Items!.Single();
        await cut.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<LeadBoardView.BoardItem>(item, "Lost", 0)));

        cut.WaitForAssertion(() => Assert.Contains("Chen Wang", cut.Find("[data-testid=lead-column-contacted]").TextContent));
        Assert.DoesNotContain("Chen Wang", cut.Find("[data-testid=lead-column-lost]").TextContent);
        Assert.Contains("no date", cut.Find($"[data-testid=lead-card-{card.Id}]").TextContent);
    }
}
