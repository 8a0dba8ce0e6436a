using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Leads;

namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        /// <summary>
        /// One call list per active rep — the open, callable leads of the companies assigned to them — so the dialer has
        /// something to dial on the first run. The stored filter is what the builder would save for the same choice, so
        /// Refresh keeps working on these lists.
        /// </summary>
        public async Task CallListsAsync()
        {
            await using var copy = await CopyAsync("call_lists", "id, name, filter_criteria, lead_ids, position, is_active, created_at, updated_at");
            foreach (var rep in ActiveReps)
            {
                var leads = _companies.Where(c => c.Rep == rep).SelectMany(c => c.Leads)
                    .Where(l => l.IsOpen && !l.IsDnc)
                    .OrderByDescending(l => l.Stage is "HOT" or "QUALIFIED" or "QUOTED").ThenByDescending(l => l.Units).ThenBy(l => l.Id)
                    .Select(l => l.Id).ToArray();
                var filter = new CallListFilter
                {
                    Stages = [.. LeadStages.Board.Where(s => !LeadStages.IsClosed(s))],
                    HasPhone = true,
                    SavedView = new CompanyFilter { AssignedRepId = rep.Id },
                };
                copy.Row().Text(NewId()).Text($"{rep.FirstName}'s open leads").Json(filter.ToJson()).TextArray(leads).Int(0).Bool(true)
                    .Timestamp(now.AddDays(-1)).Timestamp(now.AddDays(-1));
            }
            await copy.CompleteAsync(ct);
        }
    }
}
