using System.Globalization;
using Bunit;
using GpsLeaders.Blazor.Leads;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Leads;

/// <summary>The pipeline board as displayed: each column's count and revenue over its leads, in words and US dollars.</summary>
public sealed class PipelineBoardViewTests : ComponentTest
{
    async Task<List<PipelineColumn>> BoardWithAsync(params (string Name, LeadStage Stage, decimal? Revenue)[] leads)
    {
        UseDatabase(await TestDatabases.CreateMigratedAsync());
        var service = Services.GetRequiredService<LeadService>();
        foreach (var (name, stage, revenue) in leads)
        {
            var lead = await service.CreateAsync(new LeadInput(null, new ContactInput(name, "Driver"), CompanyName: $"{name} Towing", EstimatedRevenue: revenue), null);
            if (stage != LeadStage.NEW_LEAD) await service.ChangeStageAsync(lead.Id, stage, stage == LeadStage.LOST ? "Went elsewhere" : null, null);
        }
        return await Services.GetRequiredService<LeadQueries>().BoardAsync(new LeadFilter());
    }

    static string Cell(IRenderedComponent<PipelineBoardView> board, LeadStage stage, string testId) =>
        board.Find($"[data-testid=pipeline-column][data-stage={stage}] [data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task Each_column_shows_its_lead_count_and_revenue_total_in_us_dollars()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US"); // as the app sets on every thread
        var columns = await BoardWithAsync(
            ("Ana", LeadStage.NEW_LEAD, 100_000m), ("Bo", LeadStage.NEW_LEAD, 31_305m), ("Cy", LeadStage.NEW_LEAD, null),
            ("Di", LeadStage.HOT, 4_200m), ("Ed", LeadStage.LOST, 900m));
        RenderPopovers();

        var board = Render<PipelineBoardView>(p => p.Add(b => b.Columns, columns));

        Assert.Equal("3", Cell(board, LeadStage.NEW_LEAD, "column-count"));
        Assert.Equal("$131,305", Cell(board, LeadStage.NEW_LEAD, "column-revenue"));
        Assert.Equal("1", Cell(board, LeadStage.HOT, "column-count"));
        Assert.Equal("$4,200", Cell(board, LeadStage.HOT, "column-revenue"));
        Assert.Equal("$900", Cell(board, LeadStage.LOST, "column-revenue"));
        Assert.Equal("0", Cell(board, LeadStage.QUOTED, "column-count"));
        Assert.Equal("$0", Cell(board, LeadStage.QUOTED, "column-revenue"));
        Assert.Equal(3, board.FindAll($"[data-testid=pipeline-column][data-stage={LeadStage.NEW_LEAD}] [data-testid=lead-card]").Count);
        Assert.DoesNotContain("¤", board.Markup);
    }

    [Fact]
    public async Task Stages_read_in_the_business_words_never_the_stored_labels()
    {
        var columns = await BoardWithAsync(("Fay", LeadStage.BUY_PERIOD_30, 12_000m));
        RenderPopovers();

        var board = Render<PipelineBoardView>(p => p.Add(b => b.Columns, columns));

        Assert.Equal("Buying in 30 days", Cell(board, LeadStage.BUY_PERIOD_30, "column-stage"));
        Assert.Equal("New lead", Cell(board, LeadStage.NEW_LEAD, "column-stage"));
        var headings = board.FindAll("[data-testid=column-stage]").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(LeadStages.Board.Length, headings.Count);
        Assert.DoesNotContain(headings, h => h.Contains('_') || h == h.ToUpperInvariant());
    }

    [Fact]
    public async Task Choosing_a_stage_from_a_cards_menu_hands_the_move_up()
    {
        var columns = await BoardWithAsync(("Gus", LeadStage.NEW_LEAD, 5_000m));
        var popovers = RenderPopovers();
        PipelineBoardView.StageMove? moved = null;
        var board = Render<PipelineBoardView>(p => p.Add(b => b.Columns, columns).Add(b => b.OnMove, m => moved = m));

        await board.InvokeAsync(() => board.Find("[data-testid=lead-card] [data-testid=card-move] button").Click());
        var option = popovers.WaitForElements("[data-testid=card-move-option]").Single(o => o.TextContent == "Quoted");
        await popovers.InvokeAsync(() => option.Click());

        Assert.NotNull(moved);
        Assert.Equal(LeadStage.QUOTED, moved!.To);
        Assert.Equal("Gus Towing", moved.Card.Company);
    }
}
