namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        private static readonly (string Slug, string Name, string Channel, string Category, string? Subject, string Body)[] MessageTemplates =
        [
            ("vm-followup-sms", "Voicemail follow-up (SMS)", "SMS", "SEQUENCE", null,
                "Hi {{contact.firstName}}, it's {{rep.firstName}} with GPS Leaders. I just left you a voicemail about GPS tracking for {{company.name}}'s vehicles. Is text easier?"),
            ("vm-followup-email", "Voicemail follow-up (email)", "EMAIL", "SEQUENCE", "GPS tracking for {{company.name}}",
                "Hi {{contact.firstName}},\n\nI tried you by phone earlier. We help fleets like {{company.name}} see every vehicle live, cut fuel theft and prove arrival times to customers. GL300 trackers are plug-and-go, no installer needed.\n\nWould a 15-minute demo this week help?\n\n{{rep.firstName}}\nGPS Leaders"),
            ("quote-followup-sms", "Quote follow-up (SMS)", "SMS", "SEQUENCE", null,
                "Hi {{contact.firstName}}, did the quote for {{company.name}} come through OK? You can review and sign it here: {{invoice.link}}"),
            ("quote-followup-email", "Quote follow-up (email)", "EMAIL", "SEQUENCE", "Your GPS Leaders quote",
                "Hi {{contact.firstName}},\n\nJust checking the quote reached you. Review it, sign the agreement and pay online here: {{invoice.link}}\n\nAny questions, reply to this email or call me.\n\n{{rep.firstName}}"),
            ("callback-reminder-sms", "Call-back reminder (SMS)", "SMS", "SEQUENCE", null,
                "Hi {{contact.firstName}}, {{rep.firstName}} from GPS Leaders. You asked me to call back around now. Still a good time?"),
            ("canned-pricing", "Pricing (quick reply)", "SMS", "CANNED", null,
                "GL300 trackers are $79 each and service is $24.95/month per vehicle, no long-term contract required."),
            ("canned-demo-link", "Demo link (quick reply)", "SMS", "CANNED", null,
                "Here's a link to grab 15 minutes for a live demo: https://book.trygpsleaders.com/demo"),
            ("canned-intro", "Introduction", "EMAIL", "CANNED", "Intro: GPS Leaders",
                "Hi {{contact.firstName}},\n\nThanks for taking my call. As promised, here is a one-page overview of GPS tracking for {{company.name}}.\n\n{{rep.firstName}}"),
        ];

        private async Task MessageTemplatesAsync()
        {
            await using var copy = await CopyAsync("message_templates",
                "id, name, slug, channel, category, subject, body, is_active, created_by_id, created_at, updated_at");
            foreach (var (t, i) in MessageTemplates.Select((t, i) => (t, i)))
                copy.Row().Text(NewId()).Text(t.Name).Text(t.Slug).Enum(t.Channel).Enum(t.Category).Text(t.Subject).Text(t.Body)
                    .Bool(true).Text(i % 2 == 0 ? Nick.Id : Admin.Id).Timestamp(now.AddDays(-200 + i)).Timestamp(now.AddDays(-30 + i));
            await copy.CompleteAsync(ct);
        }

        private async Task SequenceDefinitionsAsync()
        {
            (string Tag, string Name, string Description, object[] Steps, bool Active)[] sequences =
            [
                ("voicemail", "Voicemail follow-up", "Text an hour after a voicemail, email the next business day, then queue a call.",
                [
                    new { type = "wait", amount = 1, unit = "hours" }, new { type = "sms", template = "vm-followup-sms" },
                    new { type = "wait", amount = 1, unit = "businessDays" }, new { type = "email", template = "vm-followup-email" },
                    new { type = "wait", amount = 2, unit = "days" },
                    new { type = "task", taskType = "CALL", title = "Call back after voicemail sequence", priority = "NORMAL", dueInHours = 0 },
                ], true),
                ("quote-sent", "Quote follow-up", "Nudge a sent quote by SMS after a day and by email after three, then escalate to the rep.",
                [
                    new { type = "wait", amount = 1, unit = "days" }, new { type = "sms", template = "quote-followup-sms" },
                    new { type = "wait", amount = 2, unit = "days" }, new { type = "email", template = "quote-followup-email" },
                    new { type = "wait", amount = 2, unit = "businessDays" },
                    new { type = "task", taskType = "FOLLOW_UP", title = "Quote not signed: call the decision maker", priority = "HIGH", dueInHours = 4 },
                ], true),
                ("call-back", "Call-back reminder", "Remind the contact by SMS, then put the call on the rep's list.",
                [
                    new { type = "wait", amount = 1, unit = "days" }, new { type = "sms", template = "callback-reminder-sms" },
                    new { type = "task", taskType = "CALL", title = "Scheduled call back", priority = "HIGH", dueInHours = 1 },
                ], false),
            ];
            await using var copy = await CopyAsync("sequence_definitions", "id, tag_slug, name, description, steps, is_active, created_at, updated_at");
            foreach (var s in sequences)
                copy.Row().Text(NewId()).Text(s.Tag).Text(s.Name).Text(s.Description).Json(ToJson(s.Steps)).Bool(s.Active)
                    .Timestamp(now.AddDays(-120)).Timestamp(now.AddDays(-7));
            await copy.CompleteAsync(ct);
        }

        private async Task SettingsAsync()
        {
            (string Key, object Value)[] settings =
            [
                ("company.profile", new
                {
                    name = "GPS Leaders", legalName = "GPS Leaders LLC", email = "billing@gpsleaders.test", phone = "+18182310940",
                    website = "https://gpsleaders.test",
                    address = new { line1 = "14500 Roscoe Blvd", line2 = "Suite 210", city = "Panorama City", state = "CA", zip = "91402", country = "US" },
                }),
                ("invoice.prefix", "GPS"),
                ("messaging.quietHours", new { start = "20:00", end = "08:00", zone = "contact" }),
                ("dialer.callingHours", new { start = "09:00", end = "19:00", zone = "contact" }),
                ("pipeline.rottingDays", new { NEW_LEAD = 3, HOT = 2, QUALIFIED = 5, QUOTED = 4, BUY_PERIOD_30 = 10, BUY_PERIOD_60 = 20, BUY_PERIOD_90 = 30 }),
                ("leadScore.weights", new { fleetSize = 30, icp = 20, googleRating = 10, decisionMaker = 15, replies = 10, connectedCalls = 10, bookings = 5 }),
            ];
            await using var copy = await CopyAsync("settings", "id, key, value, updated_at");
            foreach (var (key, value) in settings)
                copy.Row().Text(NewId()).Text(key).Json(ToJson(value)).Timestamp(now);
            await copy.CompleteAsync(ct);
        }

        private async Task VoicemailDropsAsync()
        {
            await using var copy = await CopyAsync("voicemail_drops", "id, name, audio_url, duration_seconds, is_default, created_at");
            copy.Row().Text(NewId()).Text("Intro: GPS tracking for your fleet").Text("https://cdn.gpsleaders.test/voicemail/intro.mp3").Int(27).Bool(true).Timestamp(now.AddDays(-150));
            copy.Row().Text(NewId()).Text("Quote follow-up").Text("https://cdn.gpsleaders.test/voicemail/quote-follow-up.mp3").Int(21).Bool(false).Timestamp(now.AddDays(-90));
            copy.Row().Text(NewId()).Text("Returning your call").Text("https://cdn.gpsleaders.test/voicemail/returning-call.mp3").Int(16).Bool(false).Timestamp(now.AddDays(-40));
            await copy.CompleteAsync(ct);
        }
    }
}
