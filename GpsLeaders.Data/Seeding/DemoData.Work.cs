namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        private sealed record DemoNote(string Id, DemoCompany Company, DemoLead? Lead, DemoUser Author, string Body, DateTime CreatedAt, DateTime? EditedAt);

        private sealed record DemoTask(string Id, DemoCompany Company, DemoLead? Lead, DemoUser? AssignedTo, string Title, string? Description,
            string Type, string Priority, DateTime? DueAt, DateTime CreatedAt, DateTime? CompletedAt);

        private readonly List<DemoNote> _notes = [];
        private readonly List<DemoTask> _tasks = [];

        public async Task WorkAsync()
        {
            BuildNotes();
            BuildTasks();
            await WriteNotesAsync();
            await WriteTasksAsync();
            await WriteActivitiesAsync();
            await WriteConversationsAsync();
        }

        private void BuildNotes()
        {
            foreach (var c in _companies)
            {
                var count = _f.Random.WeightedRandom([0, 1, 2, 3], [0.3f, 0.4f, 0.2f, 0.1f]);
                for (var n = 0; n < count; n++)
                {
                    var lead = c.Leads.Count == 0 ? null : _f.PickRandom(c.Leads);
                    var who = lead?.Contact ?? c.Contacts[0];
                    var start = lead?.CreatedAt ?? c.CreatedAt;
                    var at = start + ((lead?.End(now) ?? now) - start) * _f.Random.Double(0.1, 0.95);
                    var body = _f.PickRandom(
                        $"Spoke with {who.FirstName ?? "the office"}. They run {c.FleetSize} vehicles out of {c.City.Name}{(c.Vendor is null ? "" : $", currently on {c.Vendor}")}.",
                        $"Owner wants pricing for {lead?.Units ?? c.FleetSize} units with magnetic cases. Quote to follow.",
                        $"Left a voicemail on the main line. Ask for {who.FirstName ?? "the fleet manager"}; best before 9am {TimeZoneShort(who.TimeZone)}.",
                        $"{who.FirstName ?? "They"} had a trailer stolen last year; geofence alerts are the hook.",
                        "Vehicles are leased and the lessor already tracks them. Revisit when the lease ends.",
                        "Dispatcher prefers text over calls. Follow up after the holidays.",
                        $"Asked about driver privacy. Sent the one-pager on personal-use mode.");
                    _notes.Add(new DemoNote(NewId(), c, lead, c.Rep ?? Nick, body, at, _f.Random.Bool(0.15f) ? at.AddHours(_f.Random.Int(1, 30)).Min(now) : null));
                }
            }
        }

        private void BuildTasks()
        {
            var reps = ActiveReps.ToArray();
            var slot = 0;
            foreach (var lead in _companies.SelectMany(c => c.Leads))
            {
                var c = lead.Company;
                var who = lead.Contact.DisplayName(c);
                if (lead.IsOpen)
                {
                    // Round-robin over (rep x overdue/today/upcoming) so every rep's My Tasks has all three buckets.
                    var rep = c.Rep ?? reps[slot / 3 % reps.Length];
                    var due = (slot++ % 3) switch
                    {
                        0 => now.AddHours(-_f.Random.Int(2, 24 * 6)),
                        1 => now.Date.AddHours(_f.Random.Int(13, 23)).AddMinutes(_f.Random.Int(0, 59)),
                        _ => now.AddHours(_f.Random.Int(24, 24 * 14)),
                    };
                    var (title, type) = lead.Stage switch
                    {
                        "QUOTED" => ($"Follow up on the quote with {who}", "FOLLOW_UP"),
                        "HOT" or "QUALIFIED" => ($"Book a demo with {who}", "CALL"),
                        "BUY_PERIOD_30" or "BUY_PERIOD_60" or "BUY_PERIOD_90" => ($"Check budget timing with {who}", "EMAIL"),
                        _ => _f.Random.Bool() ? ($"Call {who} back", "CALL") : ($"Text {who} the pricing sheet", "SMS"),
                    };
                    _tasks.Add(new DemoTask(NewId(), c, lead, rep, title, _f.Random.Bool(0.4f) ? $"{c.FleetSize} vehicles, {c.Industry.Name.ToLowerInvariant()}." : null,
                        type, _f.Random.WeightedRandom(["URGENT", "HIGH", "NORMAL", "LOW"], [0.1f, 0.25f, 0.5f, 0.15f]),
                        due, lead.CreatedAt.AddHours(1).Min(due).Min(now), null));
                }
                if (_f.Random.Bool(0.5f))
                {
                    var done = lead.CreatedAt + (lead.End(now) - lead.CreatedAt) * _f.Random.Double(0.2, 0.8);
                    _tasks.Add(new DemoTask(NewId(), c, lead, c.Rep, $"First call to {who}", null, "CALL",
                        "NORMAL", done.AddHours(-2), lead.CreatedAt, done));
                }
            }
            // An operator chore with no lead, and an unassigned one for the queue.
            _tasks.Add(new DemoTask(NewId(), _companies[0], null, _users.First(u => u.Role == "OPERATOR"), "Reorder GL300 stock (below 40 units)", null,
                "GENERAL", "HIGH", now.AddDays(2), now.AddDays(-1), null));
            _tasks.Add(new DemoTask(NewId(), _companies[1], null, null, "Confirm shipping address before invoicing", null,
                "GENERAL", "LOW", now.AddDays(5), now.AddDays(-1), null));
        }

        private async Task WriteNotesAsync()
        {
            await using var copy = await CopyAsync("notes", "id, company_id, lead_id, author_id, body, created_at, edited_at");
            foreach (var n in _notes)
                copy.Row().Text(n.Id).Text(n.Company.Id).Text(n.Lead?.Id).Text(n.Author.Id).Text(n.Body).Timestamp(n.CreatedAt).Timestamp(n.EditedAt);
            await copy.CompleteAsync(ct);
        }

        private async Task WriteTasksAsync()
        {
            await using var copy = await CopyAsync("tasks", "id, lead_id, company_id, assigned_to_id, title, description, task_type, priority, due_at, " +
                "calendar_event_id, duration_min, completed_at, is_completed, sequence_run_id, sequence_step_number, created_at, updated_at");
            foreach (var t in _tasks)
                copy.Row().Text(t.Id).Text(t.Lead?.Id).Text(t.Company.Id).Text(t.AssignedTo?.Id).Text(t.Title).Text(t.Description)
                    .Enum(t.Type).Enum(t.Priority).Timestamp(t.DueAt).Null().Int(t.Type == "CALL" ? 15 : null)
                    .Timestamp(t.CompletedAt).Bool(t.CompletedAt is not null).Null().Null()
                    .Timestamp(t.CreatedAt).Timestamp(t.CompletedAt ?? t.CreatedAt);
            await copy.CompleteAsync(ct);
        }

        private static string TimeZoneShort(string zone) => zone switch
        {
            "America/New_York" => "Eastern", "America/Chicago" => "Central", "America/Denver" => "Mountain",
            "America/Phoenix" => "Arizona time", "America/Los_Angeles" => "Pacific", _ => "local time",
        };
    }
}
