using System.Text.Json;

namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    /// <summary>The simulator phone's number: demo texts went out through it.</summary>
    public const string DemoGatewayNumber = "+15125552100";

    private sealed partial class Seeder
    {
        /// <summary>Texts and calls the timeline tells of, collected as the activities are written.</summary>
        private readonly List<DemoActivity> _comms = [];

        /// <summary>
        /// The sms_messages and call_logs behind the timeline's texts and calls, and one conversation per lead and channel,
        /// so the inbox opens with history: a recent reply on an open lead is unread, closed leads' threads are archived.
        /// </summary>
        private async Task WriteConversationsAsync()
        {
            await using (var sms = await CopyAsync("sms_messages", "id, lead_id, contact_id, direction, from_number, to_number, body, provider, provider_message_id, status, sent_at, created_at"))
            {
                foreach (var a in _comms.Where(a => a.Type != "call.logged"))
                {
                    using var detail = JsonDocument.Parse(ToJson(a.Detail));
                    var inbound = a.Type == "sms.received";
                    var id = NewId();
                    sms.Row().Text(id).Text(a.Lead!.Id).Text(a.Lead.Contact.Id).Enum(inbound ? "INBOUND" : "OUTBOUND")
                        .Text(inbound ? a.Lead.Contact.E164 : DemoGatewayNumber).Text(inbound ? DemoGatewayNumber : a.Lead.Contact.E164)
                        .Text(detail.RootElement.GetProperty("body").GetString()).Text("android_gateway").Text(inbound ? "demo-" + id : id)
                        .Enum("DELIVERED").Timestamp(a.At).Timestamp(a.At);
                }
                await sms.CompleteAsync(ct);
            }
            await using (var calls = await CopyAsync("call_logs", "id, lead_id, contact_id, direction, duration_seconds, outcome, notes, voicemail_dropped, provider, created_at"))
            {
                foreach (var a in _comms.Where(a => a.Type == "call.logged"))
                {
                    using var detail = JsonDocument.Parse(ToJson(a.Detail));
                    var outcome = detail.RootElement.GetProperty("outcome").GetString()!;
                    calls.Row().Text(NewId()).Text(a.Lead!.Id).Text(a.Lead.Contact.Id).Enum("OUTBOUND").Int(detail.RootElement.GetProperty("durationSeconds").GetInt32())
                        .Enum(outcome).Text(a.Summary).Bool(false).Text("manual").Timestamp(a.At);
                }
                await calls.CompleteAsync(ct);
            }
            await using var conversations = await CopyAsync("conversations",
                "id, lead_id, contact_id, user_id, channel, last_message_at, last_message_preview, unread_count, is_archived, created_at, updated_at");
            foreach (var thread in _comms.GroupBy(a => (a.Lead!.Id, Channel: a.Type == "call.logged" ? "CALL" : "SMS")).OrderBy(g => g.Key.Id).ThenBy(g => g.Key.Channel))
            {
                var lead = thread.First().Lead!;
                var last = thread.MaxBy(a => a.At)!;
                var preview = last.Type == "call.logged" ? last.Summary : JsonDocument.Parse(ToJson(last.Detail)).RootElement.GetProperty("body").GetString()!;
                var unread = last.Type == "sms.received" && lead.IsOpen && now - last.At < TimeSpan.FromDays(21) ? 1 : 0;
                conversations.Row().Text(NewId()).Text(lead.Id).Text(lead.Contact.Id).Text(lead.Company.Rep?.Id).Enum(thread.Key.Channel)
                    .Timestamp(last.At).Text(preview.Length <= 160 ? preview : preview[..159] + "…").Int(unread).Bool(!lead.IsOpen)
                    .Timestamp(thread.Min(a => a.At)).Timestamp(last.At);
            }
            await conversations.CompleteAsync(ct);
        }
    }
}
