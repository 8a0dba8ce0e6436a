using System.Security.Claims;
using Bunit;
using GpsLeaders.Blazor.Dialer;
using GpsLeaders.Blazor.Platform;
using GpsLeaders.Data;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Dialer;

/// <summary>The dialer's key map, on its own and as the dialer page obeys it on a real database.</summary>
public sealed class DialerKeyMapTests : ComponentTest
{
    [Theory]
    [InlineData("1", CallOutcome.CONNECTED)]
    [InlineData("2", CallOutcome.NO_ANSWER)]
    [InlineData("3", CallOutcome.VOICEMAIL)]
    [InlineData("4", CallOutcome.BUSY)]
    [InlineData("5", CallOutcome.WRONG_NUMBER)]
    public void The_number_keys_choose_the_outcomes_in_order(string key, CallOutcome outcome) =>
        Assert.Equal(new DialerShortcut(DialerCommand.ChooseOutcome, outcome), DialerKeyMap.Resolve(new(key)));

    [Theory]
    [InlineData("v", DialerCommand.ToggleDrop)]
    [InlineData("n", DialerCommand.FocusNote)]
    [InlineData("t", DialerCommand.PickTag)]
    [InlineData("ArrowDown", DialerCommand.NextChoice)]
    [InlineData("ArrowUp", DialerCommand.PreviousChoice)]
    [InlineData("Escape", DialerCommand.LeaveField)]
    [InlineData("c", DialerCommand.Callback)]
    [InlineData("s", DialerCommand.Skip)]
    [InlineData("d", DialerCommand.Dial)]
    [InlineData("h", DialerCommand.HangUp)]
    [InlineData("Enter", DialerCommand.Save)]
    public void The_letter_keys_and_enter_do_what_the_page_says(string key, DialerCommand command) =>
        Assert.Equal(command, DialerKeyMap.Resolve(new(key))?.Command);

    [Fact]
    public void Keys_typed_in_a_field_are_text_except_ctrl_enter_and_escape()
    {
        foreach (var key in new[] { "1", "5", "v", "n", "t", "c", "s", "d", "h", "ArrowDown", "Enter" })
            Assert.Null(DialerKeyMap.Resolve(new(key, InField: true)));
        Assert.Equal(DialerCommand.Save, DialerKeyMap.Resolve(new("Enter", Ctrl: true, InField: true))?.Command);
        Assert.Equal(DialerCommand.Save, DialerKeyMap.Resolve(new("Enter", Meta: true))?.Command);
        Assert.Equal(DialerCommand.LeaveField, DialerKeyMap.Resolve(new("Escape", InField: true))?.Command);
        // Enter on a focused button clicks that button; browser and OS shortcuts with modifiers are left alone.
        Assert.Null(DialerKeyMap.Resolve(new("Enter", OnButton: true)));
        Assert.Null(DialerKeyMap.Resolve(new("s", Ctrl: true)));
        Assert.Null(DialerKeyMap.Resolve(new("1", Alt: true)));
        Assert.Null(DialerKeyMap.Resolve(new("x")));
    }

    [Fact]
    public async Task The_dialer_page_acts_on_each_key_and_ignores_keys_typed_in_a_field()
    {
        var cs = await TestDatabases.CreateWithDemoDataAsync();
        var since = DateTime.UtcNow.AddMinutes(-1);
        string listId, rep;
        List<string> ids;
        await using (var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(cs).Options))
        {
            await DialerTestData.OpenAllDayAsync(db);
            ids = await DialerTestData.CallableLeadsAsync(db, 4);
            listId = (await DialerTestData.CreateListAsync(db, ids, "Keys")).Id;
            rep = await DialerTestData.UserIdAsync(db, "rep1@gpsleaders.test");
        }
        UseDatabase(cs);
        Services.AddScoped<ViewerTime>();
        Services.AddScoped<DialerCircuit>();
        var auth = AddAuthorization();
        auth.SetAuthorized("rep1@gpsleaders.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, rep));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        RenderPopovers();

        var page = Render<DialerPage>(p => p.Add(x => x.ListId, listId));
        string Lead() => page.Find("[data-testid=dialer-lead]").GetAttribute("data-lead-id")!;
        string Selected(CallOutcome o) => page.Find($"[data-testid=dialer-outcome-{o}]").GetAttribute("data-selected")!;
        Task Press(string key, bool inField = false, bool ctrl = false) => page.InvokeAsync(() => page.Instance.OnKeyAsync(new(key, Ctrl: ctrl, InField: inField)));
        page.WaitForAssertion(() => Assert.Equal(ids[0], Lead()), TimeSpan.FromSeconds(10));

        await Press("2");
        Assert.Equal("true", Selected(CallOutcome.NO_ANSWER));
        await Press("4", inField: true); // typed into the note: text, not an outcome
        Assert.Equal("true", Selected(CallOutcome.NO_ANSWER));
        Assert.Equal("false", Selected(CallOutcome.BUSY));

        await Press("v");
        Assert.Equal("true", Selected(CallOutcome.VOICEMAIL));

        await Press("d");
        Assert.NotEmpty(page.FindAll("[data-testid=dialer-hangup]")); // the call timer runs
        await Press("3");
        Assert.NotEmpty(page.FindAll("[data-testid=dialer-hangup]")); // choosing an outcome does not end the call
        await Press("h");
        Assert.Empty(page.FindAll("[data-testid=dialer-hangup]")); // H does
        Assert.Contains("H", page.Find("[data-testid=dialer-shortcuts]").TextContent);
        await Press("n");
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "crm.focus" && Equals(i.Arguments[0], "#dialer-note"));
        // T opens the list of disposition tags (only those), the arrows walk it, Enter picks without saving.
        await Press("t");
        var offered = page.FindAll("[data-testid=dialer-tag-option]").Select(o => o.TextContent).ToList();
        Assert.Contains("Not interested", offered);
        Assert.DoesNotContain("Hot", offered);
        Assert.DoesNotContain("High", offered);
        await Press("ArrowDown");
        await Press("ArrowDown");
        await Press("ArrowUp");
        Assert.Equal("true", page.FindAll("[data-testid=dialer-tag-option]")[1].GetAttribute("aria-selected"));
        await Press("Enter");
        Assert.Empty(page.FindAll("[data-testid=dialer-tag-picker]"));
        Assert.Equal(offered[1], page.Find("[data-testid=dialer-tag-value]").TextContent);
        Assert.Equal(ids[0], Lead());

        await Press("s", inField: true);
        Assert.Equal(ids[0], Lead());
        await Press("Enter"); // save & next
        page.WaitForAssertion(() => Assert.Equal(ids[1], Lead()), TimeSpan.FromSeconds(10));
        await Press("s"); // skip
        page.WaitForAssertion(() => Assert.Equal(ids[2], Lead()), TimeSpan.FromSeconds(10));
        await Press("5");
        await Press("Enter", inField: true, ctrl: true); // Ctrl+Enter saves from inside a field
        page.WaitForAssertion(() => Assert.Equal(ids[3], Lead()), TimeSpan.FromSeconds(10));

        await using var check = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(cs).Options);
        var calls = await check.CallLogs.Where(c => ids.Contains(c.LeadId!) && c.CreatedAt >= since).ToDictionaryAsync(c => c.LeadId!, c => c.Outcome);
        Assert.Equal(new Dictionary<string, CallOutcome> { [ids[0]] = CallOutcome.VOICEMAIL, [ids[2]] = CallOutcome.WRONG_NUMBER }, calls);
    }
}
