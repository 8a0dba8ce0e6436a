using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;

namespace GpsLeaders.Tests.Platform;

public class EnumLabelsTests
{
    [Theory]
    [InlineData(LeadStage.NEW_LEAD, "New lead")]
    [InlineData(LeadStage.BUY_PERIOD_30, "Buying in 30 days")]
    [InlineData(CompanyStatus.CUSTOMER, "Customer")]
    [InlineData(TaskType.FOLLOW_UP, "Follow-up")]
    public void A_value_reads_in_the_business_words(Enum value, string label) => Assert.Equal(label, value.Describe());

    [Fact]
    public void No_value_of_any_schema_enum_shows_its_stored_label()
    {
        foreach (var mapping in CrmEnums.All)
            foreach (Enum value in Enum.GetValues(mapping.ClrType))
            {
                var label = value.Describe();
                Assert.DoesNotContain("_", label);
                Assert.False(label.Length > 3 && label == label.ToUpperInvariant(), $"{mapping.PgName}.{value} reads as \"{label}\"");
            }
    }
}
