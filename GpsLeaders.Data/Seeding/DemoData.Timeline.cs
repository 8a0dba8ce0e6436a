namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        private sealed record DemoActivity(DemoLead? Lead, DemoContact? Contact, DemoUser? User, string Type, string Summary, object Detail, DateTime At);

        private static readonly string[] CallOutcomes = ["NO_ANSWER", "VOICEMAIL", "CONNECTED", "BUSY"];

        /// <summary>About ten events per company that tell the same story as its leads, tags, notes and tasks.</summary>
        private async Task WriteActivitiesAsync()
        {
            await using var copy = await CopyAsync("activities", "id, lead_id, company_id, contact_id, user_id, activity_type, summary, detail, occurred_at, created_at");
            foreach (var c in _companies)
                foreach (var a in CompanyTimeline(c).OrderBy(a => a.At))
                {
                    var at = a.At.Min(now);
                    // Stamped with when it happened, as a live activity is: newest-first by id is then newest-first by time.
                    copy.Row().Text(Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)).ToString()).Text(a.Lead?.Id).Text(c.Id).Text(a.Contact?.Id).Text(a.User?.Id)
                        .Text(a.Type).Text(a.Summary).Json(ToJson(a.Detail)).Timestamp(at).Timestamp(at);
                    if (a.Lead is not null && a.Type is "sms.sent" or "sms.received" or "call.logged") _comms.Add(a with { At = at });
                }
            await copy.CompleteAsync(ct);
        }

        private IEnumerable<DemoActivity> CompanyTimeline(DemoCompany c)
        {
            var rep = c.Rep ?? Nick;
            foreach (var p in c.Contacts)
                yield return new(null, p, null, "contact.created", $"Contact {p.DisplayName(c)} added from {c.Source}.",
                    new { source = c.Source, phoneE164 = p.E164, timezone = p.TimeZone }, c.CreatedAt);

            foreach (var l in c.Leads)
            {
                var imported = c.Source is "Google Maps" or "Plusvibe";
                DateTime At(double fraction) => l.CreatedAt + (l.End(now) - l.CreatedAt) * fraction;
                var who = l.Contact.DisplayName(c);
                yield return new(l, l.Contact, imported ? null : rep, "lead.created", $"Lead created for {c.Name} from {c.Source}.",
                    new { source = c.Source, campaign = l.Campaign, stage = "NEW_LEAD", estimatedUnits = l.Units }, l.CreatedAt);

                var path = StagePath(l.Stage);
                for (var s = 1; s < path.Length; s++)
                {
                    var at = s == path.Length - 1 && l.ClosedAt is { } closed ? closed : At(s / (double)path.Length);
                    object detail = path[s] switch
                    {
                        "LOST" => new { from = path[s - 1], to = path[s], lostReason = l.LostReason },
                        "WON" => new { from = path[s - 1], to = path[s], wonAt = at },
                        _ => new { from = path[s - 1], to = path[s] },
                    };
                    yield return new(l, l.Contact, rep, "lead.stage_changed", $"{rep.FirstName} moved the lead from {Words(path[s - 1])} to {Words(path[s])}.", detail, at);
                }
                if (l.Stage == "WON")
                    yield return new(l, null, rep, "company.status_changed", $"{c.Name} became a customer.", new { from = "LEAD", to = "CUSTOMER" }, l.ClosedAt!.Value.AddMinutes(1));

                foreach (var t in l.Tags)
                {
                    yield return new(l, null, rep, "tag.applied", $"{rep.FirstName} tagged the lead {t.Slug}.", new { tag = t.Slug, appliedBy = t.AppliedBy }, t.AppliedAt);
                    if (t.RemovedAt is { } removed)
                        yield return new(l, null, rep, "tag.removed", $"{rep.FirstName} removed the tag {t.Slug}.", new { tag = t.Slug }, removed);
                }

                var calls = _f.Random.Int(1, 3);
                for (var k = 0; k < calls; k++)
                {
                    var outcome = l.Stage == "BOGUS" ? "WRONG_NUMBER" : k == calls - 1 && !imported ? "CONNECTED" : _f.PickRandom(CallOutcomes);
                    var seconds = outcome == "CONNECTED" ? _f.Random.Int(60, 1100) : outcome == "VOICEMAIL" ? _f.Random.Int(20, 50) : 0;
                    yield return new(l, l.Contact, rep, "call.logged", $"{rep.FirstName} called {who}: {outcome.ToLowerInvariant().Replace('_', ' ')}.",
                        new { outcome, durationSeconds = seconds, direction = "OUTBOUND" }, At(_f.Random.Double(0.05, 0.9)));
                }
                if (l.Contact.PhoneType == "mobile" && _f.Random.Bool(0.6f))
                {
                    var sent = At(_f.Random.Double(0.1, 0.8));
                    yield return new(l, l.Contact, rep, "sms.sent", $"{rep.FirstName} texted {who}.",
                        new { to = l.Contact.E164, body = $"Hi {l.Contact.FirstName ?? "there"}, it's {rep.FirstName} with GPS Leaders. Following up on GPS tracking for your vehicles." }, sent);
                    if (_f.Random.Bool(0.4f))
                        yield return new(l, l.Contact, null, "sms.received", $"{who} replied by SMS.",
                            new { from = l.Contact.E164, body = _f.PickRandom("Call me tomorrow after 2", "How much per truck?", "Send me info by email", "We're good for now thanks") },
                            sent.AddMinutes(_f.Random.Int(3, 240)));
                }
                if (l.Contact.Email is not null && _f.Random.Bool(0.5f))
                    yield return new(l, l.Contact, rep, "email.sent", $"{rep.FirstName} emailed {who} a GPS tracking overview.",
                        new { to = l.Contact.Email, subject = $"GPS tracking for {c.Name}" }, At(_f.Random.Double(0.1, 0.9)));
            }

            foreach (var n in _notes.Where(n => n.Company == c))
                yield return new(n.Lead, null, n.Author, "note.added", $"{n.Author.FirstName} added a note.",
                    new { noteId = n.Id, preview = n.Body.Length > 80 ? n.Body[..80] + "…" : n.Body }, n.CreatedAt);

            foreach (var t in _tasks.Where(t => t.Company == c))
            {
                yield return new(t.Lead, null, t.AssignedTo ?? Admin, "task.created", $"Task \"{t.Title}\" created.",
                    new { taskId = t.Id, taskType = t.Type, priority = t.Priority, dueAt = t.DueAt, assignedToId = t.AssignedTo?.Id }, t.CreatedAt);
                if (t.CompletedAt is { } done)
                    yield return new(t.Lead, null, t.AssignedTo ?? Admin, "task.completed", $"Task \"{t.Title}\" completed.", new { taskId = t.Id }, done);
            }

            if (c.Leads.Count == 0)
                yield return new(null, c.Contacts[0], rep, "call.logged", $"{rep.FirstName} called {c.Contacts[0].DisplayName(c)}: connected.",
                    new { outcome = "CONNECTED", durationSeconds = _f.Random.Int(60, 600), direction = "OUTBOUND" }, c.CreatedAt.AddDays(2));
        }
    }
}
