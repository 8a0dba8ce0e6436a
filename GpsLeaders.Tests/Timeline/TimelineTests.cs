using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Timeline;

namespace GpsLeaders.Tests.Timeline;

public class TimelineTests
{
    [Fact]
    public async Task A_company_timeline_merges_activities_and_notes_newest_first_and_pages_without_gaps()
    {
        var f = await WorkFixture.CreateAsync();
        var notes = f.Services.Get<NoteService>();
        for (var i = 0; i < 7; i++)
        {
            f.Clock.Advance(TimeSpan.FromMinutes(1));
            await notes.AddAsync(f.Company.Id, null, f.Author.Id, $"note {i}");
        }
        var timelines = f.Services.Get<Timelines>();
        var scope = new TimelineScope(CompanyId: f.Company.Id);

        var all = await timelines.PageAsync(scope, take: 100);
        // company.created + contact.created + 7 notes, each once (not also as its note.added activity)
        Assert.Equal(9, all.Count);
        Assert.DoesNotContain(all, e => e.ActivityType == "note.added");
        Assert.Equal(all.OrderByDescending(e => e.At).Select(e => e.At), all.Select(e => e.At));
        Assert.Equal("note 6", all.First(e => e.Kind == TimelineKind.Note).Body);
        Assert.Contains(all, e => e.ActivityType == "contact.created");

        var first = await timelines.PageAsync(scope, take: 4);
        var second = await timelines.PageAsync(scope, first[^1].At, take: 4);
        Assert.Equal(4, first.Count);
        Assert.True(second.All(e => e.At < first[^1].At));
    }
}
