using Bunit;
using GpsLeaders.Blazor.Companies;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Tests.Companies;

/// <summary>The companies grid's filter bar: every active filter is a chip, and closing a chip hands up the filter without it.</summary>
public sealed class CompanyFilterBarTests : ComponentTest
{
    [Fact]
    public async Task Each_active_filter_shows_as_a_chip_and_closing_one_removes_only_that_filter()
    {
        UseDatabase(await TestDatabases.CreateWithDemoDataAsync());
        RenderPopovers();
        CompanyFilter? handedUp = null;
        var filter = new CompanyFilter { Search = "acme", Statuses = [CompanyStatus.CUSTOMER], MinFleetSize = 1500 };
        var bar = Render<CompanyFilterBar>(p => p
            .Add(b => b.Filter, filter)
            .Add(b => b.FilterChanged, f => handedUp = f));

        var chips = bar.FindAll("[data-testid=filter-chip]");
        Assert.Equal(["“acme”", CompanyStatus.CUSTOMER.Describe(), "Fleet ≥ 1,500"], chips.Select(c => c.TextContent.Trim()));

        await bar.InvokeAsync(() => bar.FindAll("[data-testid=filter-chip] button")[1].Click());
        Assert.NotNull(handedUp);
        Assert.Empty(handedUp!.Statuses);
        Assert.Equal("acme", handedUp.Search);
        Assert.Equal(1500, handedUp.MinFleetSize);
    }
}
