using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Notes;

public class NoteServiceTests
{
    [Fact]
    public async Task A_note_keeps_its_text_exactly_and_records_an_activity()
    {
        var f = await WorkFixture.CreateAsync();
        const string body = "<script>alert('x')</script>\n<b>bold</b> & more";
        var note = await f.Services.Get<NoteService>().AddAsync(f.Company.Id, null, f.Author.Id, "  " + body + "  ");

        await using var db = f.Services.Db();
        Assert.Equal(body, (await db.Notes.SingleAsync(n => n.Id == note.Id)).Body);
        var activity = await db.Activities.SingleAsync(a => a.ActivityType == "note.added");
        Assert.Equal(f.Company.Id, activity.CompanyId);
        Assert.Equal(f.Author.Id, activity.UserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task An_empty_note_is_refused_naming_the_body(string? body)
    {
        var f = await WorkFixture.CreateAsync();
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => f.Services.Get<NoteService>().AddAsync(f.Company.Id, null, f.Author.Id, body));
        Assert.True(ex.Errors.ContainsKey("body"));
        await using var db = f.Services.Db();
        Assert.False(await db.Notes.AnyAsync());
    }

    [Fact]
    public async Task Only_the_author_edits_and_the_edit_is_dated()
    {
        var f = await WorkFixture.CreateAsync();
        var notes = f.Services.Get<NoteService>();
        var note = await notes.AddAsync(f.Company.Id, null, f.Author.Id, "first");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => notes.EditAsync(note.Id, f.Other.Id, "hijacked"));
        Assert.Contains("author", refused.Errors["body"]);

        f.Clock.Advance(TimeSpan.FromMinutes(5));
        await notes.EditAsync(note.Id, f.Author.Id, "second");
        await using var db = f.Services.Db();
        var saved = await db.Notes.SingleAsync();
        Assert.Equal("second", saved.Body);
        Assert.Equal(f.Clock.Now.UtcDateTime, saved.EditedAt);
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "note.edited"));
    }
}
