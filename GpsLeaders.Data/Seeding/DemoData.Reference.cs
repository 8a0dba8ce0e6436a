namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        // Demo rates as fractions (0.0925 = 9.25 %); the operator maintains the real ones in Settings.
        private static readonly (string Slug, string Name, decimal Rate, string? State, string? Jurisdiction, string Category)[] TaxRates =
        [
            ("ca-statewide", "California statewide base", 0.0725m, "CA", "California", "CA_DISTRICT"),
            ("ca-san-diego", "San Diego", 0.0775m, "CA", "City of San Diego", "CA_DISTRICT"),
            ("ca-fresno", "Fresno", 0.0835m, "CA", "City of Fresno", "CA_DISTRICT"),
            ("ca-san-francisco", "San Francisco", 0.08625m, "CA", "City and County of San Francisco", "CA_DISTRICT"),
            ("ca-sacramento", "Sacramento", 0.0875m, "CA", "City of Sacramento", "CA_DISTRICT"),
            ("ca-santa-ana", "Santa Ana", 0.0925m, "CA", "City of Santa Ana", "CA_DISTRICT"),
            ("ca-san-jose", "San Jose", 0.09375m, "CA", "City of San Jose", "CA_DISTRICT"),
            ("ca-los-angeles", "Los Angeles", 0.0975m, "CA", "City of Los Angeles", "CA_DISTRICT"),
            ("ca-oakland", "Oakland", 0.1025m, "CA", "City of Oakland", "CA_DISTRICT"),
            ("ca-long-beach", "Long Beach", 0.1025m, "CA", "City of Long Beach", "CA_DISTRICT"),
            ("resale", "Resale (exempt)", 0m, null, null, "RESALE"),
            ("out-of-state", "Out of state (no CA tax)", 0m, null, null, "OUT_OF_STATE"),
        ];

        private static readonly (string Slug, string Name)[] Backends =
            [("gpsleaders-cloud", "GPS Leaders Cloud"), ("traccar", "Traccar"), ("gpsgate", "GpsGate"), ("wialon", "Wialon")];

        // Slugs match Iccid.IssuerByCarrier so SIM cards line up with invoice carriers.
        private static readonly (string Slug, string Name)[] Carriers = [("att", "AT&T"), ("t-mobile", "T-Mobile"), ("verizon", "Verizon")];

        private static readonly (string Slug, string Name, decimal? Cost)[] ShippingTypes =
        [
            ("usps-priority", "USPS Priority Mail", 12.50m), ("ups-ground", "UPS Ground", 15.00m), ("ups-2nd-day", "UPS 2nd Day Air", 29.00m),
            ("fedex-overnight", "FedEx Standard Overnight", 48.00m), ("local-pickup", "Local pickup", 0m),
        ];

        private static readonly (string Slug, string Name)[] PaymentTerms = [("due-on-receipt", "Due on receipt"), ("net-15", "Net 15"), ("net-30", "Net 30")];

        private static readonly (string Slug, string Name, int? Months)[] ContractTerms =
            [("month-to-month", "Month to month", null), ("12-months", "12 months", 12), ("24-months", "24 months", 24), ("36-months", "36 months", 36)];

        public async Task ReferenceTablesAsync()
        {
            await using (var copy = await CopyAsync("tax_rates", "id, slug, name, rate, state, jurisdiction, category, active, sort_order, created_at, updated_at"))
            {
                foreach (var (t, i) in TaxRates.Select((t, i) => (t, i)))
                    copy.Row().Text(NewId()).Text(t.Slug).Text(t.Name).Numeric(t.Rate).Text(t.State).Text(t.Jurisdiction).Enum(t.Category)
                        .Bool(true).Int(i * 10).Timestamp(now).Timestamp(now);
                await copy.CompleteAsync(ct);
            }
            await SlugTableAsync("backends", Backends);
            await SlugTableAsync("carriers", Carriers);
            await SlugTableAsync("payment_terms", PaymentTerms);
            await using (var copy = await CopyAsync("shipping_types", "id, slug, name, default_cost, sort_order, active, created_at, updated_at"))
            {
                foreach (var (t, i) in ShippingTypes.Select((t, i) => (t, i)))
                    copy.Row().Text(NewId()).Text(t.Slug).Text(t.Name).Numeric(t.Cost).Int(i * 10).Bool(true).Timestamp(now).Timestamp(now);
                await copy.CompleteAsync(ct);
            }
            await using (var copy = await CopyAsync("contract_terms", "id, slug, name, months, sort_order, active, created_at, updated_at"))
            {
                foreach (var (t, i) in ContractTerms.Select((t, i) => (t, i)))
                    copy.Row().Text(NewId()).Text(t.Slug).Text(t.Name).Int(t.Months).Int(i * 10).Bool(true).Timestamp(now).Timestamp(now);
                await copy.CompleteAsync(ct);
            }
            await TaxonomyAsync();
            await SeedSupport.EnsureTagsAsync(connection, now, ct);
            await AgreementTemplatesAsync();
            await MessageTemplatesAsync();
            await SequenceDefinitionsAsync();
            await SettingsAsync();
            await VoicemailDropsAsync();
        }

        private async Task SlugTableAsync(string table, (string Slug, string Name)[] rows)
        {
            await using var copy = await CopyAsync(table, "id, slug, name, sort_order, active, created_at, updated_at");
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
                copy.Row().Text(NewId()).Text(row.Slug).Text(row.Name).Int(i * 10).Bool(true).Timestamp(now).Timestamp(now);
            await copy.CompleteAsync(ct);
        }

        private async Task TaxonomyAsync()
        {
            (string Type, string[] Values)[] lists =
            [
                ("INDUSTRY", SeedCatalog.Industries.Select(i => i.Name).ToArray()),
                ("SOURCE", [.. SeedCatalog.Sources, "inbound_sms", "inbound_email"]),
                ("VENDOR", SeedCatalog.Vendors),
                ("CELLULAR_CARRIER", Carriers.Select(c => c.Name).ToArray()),
                ("BACKEND", Backends.Select(b => b.Name).ToArray()),
                ("PAYMENT_INTERVAL", ["Monthly", "Quarterly", "Annually", "Prepaid 2 years"]),
                ("SHIPPING_TYPE", ShippingTypes.Select(s => s.Name).ToArray()),
                ("PAYMENT_METHOD", ["Credit card", "Check", "ACH / Wire", "Cash"]),
            ];
            await using var copy = await CopyAsync("taxonomy_values", "id, type, value, sort_order, active, created_at, updated_at");
            foreach (var (type, values) in lists)
                foreach (var (value, i) in values.Select((v, i) => (v, i)))
                    copy.Row().Text(NewId()).Enum(type).Text(value).Int(i * 10).Bool(true).Timestamp(now).Timestamp(now);
            // A retired option, as operators leave them: hidden from forms, kept for old records.
            copy.Row().Text(NewId()).Enum("SOURCE").Text("Yellow Pages").Int(990).Bool(false).Timestamp(now.AddDays(-300)).Timestamp(now.AddDays(-90));
            await copy.CompleteAsync(ct);
        }

        private async Task AgreementTemplatesAsync()
        {
            var variables = ToJson(new[]
            {
                new { key = "company.name", description = "Customer's company name" },
                new { key = "invoice.total", description = "Invoice total, formatted as currency" },
                new { key = "contract.term", description = "Contract term name, e.g. 12 months" },
                new { key = "device.count", description = "Number of GPS devices on the invoice" },
            });
            await using var copy = await CopyAsync("agreement_templates", "id, slug, name, body, variables, active, sort_order, created_at, updated_at");
            copy.Row().Text(NewId()).Text("gps-service-agreement").Text("GPS Tracking Service Agreement").Text("""
                GPS TRACKING SERVICE AGREEMENT

                This agreement is between GPS Leaders LLC ("GPS Leaders") and {{company.name}} ("Customer").

                1. Equipment. GPS Leaders supplies {{device.count}} GPS tracking device(s) as listed on the invoice. Title passes to Customer on payment in full.
                2. Service. Cellular data and platform access are provided for each activated device for a term of {{contract.term}}, renewing month to month afterwards unless cancelled in writing 30 days before renewal.
                3. Payment. Customer agrees to pay {{invoice.total}} as invoiced, and the recurring service fees on the invoice when due.
                4. Lawful use. Customer will track only vehicles and assets it owns or is authorised to track, and will tell drivers where the law requires it.
                5. Warranty. Devices carry a 12-month warranty against defects; damage, water ingress and lost units are excluded.

                Signed electronically by the person named below on behalf of {{company.name}}.
                """).Json(variables).Bool(true).Int(0).Timestamp(now.AddDays(-380)).Timestamp(now.AddDays(-60));
            copy.Row().Text(NewId()).Text("hardware-purchase-terms").Text("Hardware Purchase Terms").Text("""
                HARDWARE PURCHASE TERMS

                {{company.name}} buys {{device.count}} GPS device(s) for {{invoice.total}}. No service term applies ({{contract.term}}).
                Devices ship within two business days of payment. Returns of unopened devices are accepted within 30 days.
                """).Json(variables).Bool(true).Int(10).Timestamp(now.AddDays(-200)).Timestamp(now.AddDays(-200));
            await copy.CompleteAsync(ct);
        }
    }
}
