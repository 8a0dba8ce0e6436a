using GpsLeaders.Data.Contacts;
using static GpsLeaders.Data.Seeding.Json;

namespace GpsLeaders.Data.Seeding;

public static partial class BulkData
{
    private sealed partial class Run
    {
        private static readonly string[] CallOutcomes = ["NO_ANSWER", "VOICEMAIL", "CONNECTED", "BUSY"];

        /// <summary>Ten timeline events per company, spread over its leads and contacts, oldest first.</summary>
        public async Task<long> ActivitiesAsync()
        {
            await using var copy = await StartAsync("activities", "id, lead_id, company_id, contact_id, user_id, activity_type, summary, detail, occurred_at, created_at");
            var contacts = new BulkContact[2];
            var leads = new BulkLead[2];
            for (long i = 0; i < companies; i++)
            {
                var c = model.Company(i);
                for (var k = 0; k < c.ContactCount; k++) contacts[k] = model.Contact(c, k);
                for (var k = 0; k < c.LeadCount; k++) leads[k] = model.Lead(c, k);
                var r = model.Random(i, 9);
                var (repId, repName) = Rep(c);
                var companyId = ids.For(BulkTable.Company, i);
                var at = c.CreatedAt;
                for (var a = 0; a < BulkModel.ActivitiesPerCompany; a++)
                {
                    var lead = leads[a % c.LeadCount];
                    var contact = contacts[a % c.ContactCount];
                    var who = contact.FirstName is null ? c.Name : $"{contact.FirstName} {contact.LastName}";
                    var (type, system, summary, detail) = Event(a, ref r, c, lead, contact, who, repName);
                    copy.Row().Text(ids.For(BulkTable.Activity, i * BulkModel.ActivitiesPerCompany + a))
                        .Text(ids.For(BulkTable.Lead, lead.Index)).Text(companyId).Text(ids.For(BulkTable.Contact, contact.Index))
                        .Text(system ? null : repId).Text(type).Text(summary).Json(detail).Timestamp(at).Timestamp(at);
                    Tick(copy);
                    at = at.AddMinutes(r.Next(30, 4 * 24 * 60)).Min(model.Now);
                }
            }
            return await FinishAsync(copy);
        }

        private static (string Type, bool System, string Summary, string Detail) Event(
            int step, ref FastRandom r, in BulkCompany c, in BulkLead lead, in BulkContact contact, string who, string rep)
        {
            switch (step)
            {
                case 0:
                    return ("lead.created", true, $"Lead created for {c.Name} from {c.Source}.",
                        $$"""{"source":{{Str(c.Source)}},"stage":"NEW_LEAD","estimatedUnits":{{lead.Units}}}""");
                case 1:
                    return ("contact.created", true, $"Contact {who} added with {UsPhoneNumbers.FormatNational(contact.E164)}.",
                        $$"""{"phoneE164":"{{contact.E164}}","timezone":"{{contact.TimeZone}}","email":{{Str(contact.Email)}}}""");
                case 2 or 5:
                    var outcome = step == 5 ? "CONNECTED" : r.Pick(CallOutcomes);
                    var seconds = outcome == "CONNECTED" ? r.Next(45, 900) : outcome == "VOICEMAIL" ? r.Next(20, 60) : 0;
                    return ("call.logged", false, $"{rep} called {who}: {outcome.ToLowerInvariant().Replace('_', ' ')}.",
                        $$"""{"outcome":"{{outcome}}","durationSeconds":{{seconds}},"direction":"OUTBOUND"}""");
                case 3:
                    return ("sms.sent", false, $"{rep} texted {who}.",
                        $$"""{"to":"{{contact.E164}}","body":"Hi, this is {{rep}} with GPS Leaders. Do you track your {{c.FleetSize}} vehicles today?"}""");
                case 4:
                    var tag = lead.TagSlug ?? "call-back";
                    return ("tag.applied", false, $"{rep} tagged the lead {tag}.", $$"""{"tag":"{{tag}}"}""");
                case 6:
                    return ("note.added", false, $"{rep} added a note on {c.Name}.",
                        $$"""{"preview":{{Str($"Fleet of {c.FleetSize}, mostly {c.Industry.Name.ToLowerInvariant()} vehicles around {c.City.Name}.")}}}""");
                case 7:
                    return ("email.sent", false, $"{rep} emailed {who} a GPS tracking overview.",
                        $$"""{"to":{{Str(contact.Email)}},"subject":{{Str($"GPS tracking for {c.Name}")}}}""");
                case 8:
                    return ("task.created", false, $"{rep} scheduled a follow-up call with {who}.",
                        $$"""{"taskType":"CALL","priority":"NORMAL","dueInDays":{{r.Next(1, 8)}}}""");
                default:
                    return lead.Stage == "NEW_LEAD"
                        ? ("sms.received", true, $"{who} replied by SMS.", $$"""{"from":"{{contact.E164}}","body":"Call me next week"}""")
                        : ("lead.stage_changed", false, $"{rep} moved the lead from {GpsLeaders.Data.Leads.LeadStages.Label(GpsLeaders.Data.Leads.LeadStage.NEW_LEAD)} to {GpsLeaders.Data.Leads.LeadStages.Label(Enum.Parse<GpsLeaders.Data.Leads.LeadStage>(lead.Stage))}.",
                            $$"""{"from":"NEW_LEAD","to":"{{lead.Stage}}"}""");
            }
        }
    }
}
