using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Taxonomy;

public class TaxonomyServiceTests
{
    [Fact]
    public async Task Values_are_added_in_order_refused_twice_reordered_renamed_and_deactivated()
    {
        var f = await WorkFixture.CreateAsync();
        var lists = f.Services.Get<TaxonomyService>();
        var towing = await lists.AddAsync(TaxonomyType.INDUSTRY, "Towing", f.Author.Id);
        await lists.AddAsync(TaxonomyType.INDUSTRY, "HVAC", f.Author.Id);
        var plumbing = await lists.AddAsync(TaxonomyType.INDUSTRY, " Plumbing ", f.Author.Id);
        Assert.Equal(["Towing", "HVAC", "Plumbing"], await lists.ActiveValuesAsync(TaxonomyType.INDUSTRY));

        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => lists.AddAsync(TaxonomyType.INDUSTRY, "towing", f.Author.Id));
        Assert.Contains("already", duplicate.Errors["value"]);
        await lists.AddAsync(TaxonomyType.SOURCE, "Towing", f.Author.Id); // another list may hold the same text

        await lists.MoveAsync(plumbing.Id, -1, f.Author.Id);
        await lists.MoveAsync(plumbing.Id, -1, f.Author.Id);
        await lists.MoveAsync(plumbing.Id, -1, f.Author.Id); // already first: nothing moves
        Assert.Equal(["Plumbing", "Towing", "HVAC"], await lists.ActiveValuesAsync(TaxonomyType.INDUSTRY));

        await using (var db = f.Services.Db())
        {
            var current = await db.TaxonomyValues.SingleAsync(v => v.Id == towing.Id);
            await lists.RenameAsync(towing.Id, current.Version, "Towing & Recovery", f.Author.Id);
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => lists.SetActiveAsync(towing.Id, current.Version, false, f.Author.Id));
        }
        await using (var db = f.Services.Db())
        {
            var current = await db.TaxonomyValues.SingleAsync(v => v.Id == towing.Id);
            await lists.SetActiveAsync(towing.Id, current.Version, false, f.Author.Id);
        }
        Assert.Equal(["Plumbing", "HVAC"], await lists.ActiveValuesAsync(TaxonomyType.INDUSTRY));
    }
}
