using GpsLeaders.Data.Contacts;
namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        public const int DeviceCount = 80;
        private const int SimCount = 70;

        private static readonly (string QbId, string Name, string Description, string Sku, decimal Price, decimal? Cost, string Category, string Type, bool Active)[] Products =
        [
            ("1001", "GL300 GPS Tracker", "Queclink GL300 portable 4G LTE-M tracker with 15-day battery", "GL300", 79.00m, 42.00m, "Hardware", "ONE_TIME", true),
            ("1002", "GPS Tracking Service - Monthly", "Per-device cellular data and platform access, billed monthly", "SVC-MONTHLY", 24.95m, 6.50m, "Service", "RECURRING", true),
            ("1003", "GPS Tracking Service - Annual", "Twelve months of service per device, prepaid", "SVC-ANNUAL", 249.00m, 78.00m, "Service", "RECURRING", true),
            ("1004", "Activation Fee", "One-time SIM activation and device provisioning", "ACT-FEE", 25.00m, null, "Fees", "SERVICE", true),
            ("1005", "Magnetic Weatherproof Case", "Heavy-duty magnetic case for the GL300", "CASE-MAG", 19.95m, 6.00m, "Accessories", "ONE_TIME", true),
            ("1006", "Extended Battery Pack", "10,000 mAh extended battery for the GL300", "BAT-EXT", 34.95m, 14.00m, "Accessories", "ONE_TIME", true),
            ("1007", "Professional Installation", "Covert install by a certified technician, per vehicle", "INSTALL", 45.00m, null, "Services", "SERVICE", true),
            ("1008", "GL200 GPS Tracker (3G)", "Retired 3G model; kept for historic invoices", "GL200", 59.00m, 30.00m, "Hardware", "ONE_TIME", false),
        ];

        public async Task InventoryAsync()
        {
            await using (var copy = await CopyAsync("products", "id, qb_item_id, name, description, sku, unit_price, cost, category, type, active, " +
                "created_at, updated_at, last_synced_at"))
            {
                foreach (var p in Products)
                    copy.Row().Text(NewId()).Text(p.QbId).Text(p.Name).Text(p.Description).Text(p.Sku).Numeric(p.Price).Numeric(p.Cost)
                        .Text(p.Category).Enum(p.Type).Bool(p.Active).Timestamp(now.AddDays(-365)).Timestamp(now.AddDays(-3)).Timestamp(now.AddHours(-6));
                await copy.CompleteAsync(ct);
            }

            // Devices 0-49 are paired with SIMs 0-49; the status of each pair follows the device's life cycle.
            var customers = _companies.Where(c => c.Status == "CUSTOMER").ToArray();
            var sims = new (string Id, string Status, DateTime? ActivatedAt)[SimCount];
            var devices = new List<(string Status, DemoCompany? Company, int? Sim, DateOnly? Activated, string? Notes)>();
            for (var i = 0; i < DeviceCount; i++)
            {
                var owner = customers.Length == 0 ? null : customers[i % customers.Length];
                var (status, company, simStatus) = i switch
                {
                    < 20 => ("ACTIVATED", owner, "ACTIVE"),
                    < 25 => ("SHIPPED", owner, "ASSIGNED"),
                    < 30 => ("ASSIGNED", owner, "ASSIGNED"),
                    < 50 => ("IN_STOCK", null, "IN_STOCK"),
                    < 75 => ("IN_STOCK", null, null),
                    < 78 => ("RETURNED", null, null),
                    _ => ("DEFECTIVE", null, null),
                };
                DateOnly? activated = status == "ACTIVATED" ? DateOnly.FromDateTime(now.AddDays(-_f.Random.Int(5, 150))) : null;
                if (simStatus is not null)
                    sims[i] = (NewId(), simStatus, activated?.ToDateTime(new TimeOnly(16, 0)));
                devices.Add((status, company, simStatus is null ? null : i, activated,
                    status == "DEFECTIVE" ? "Will not charge; RMA requested." : status == "RETURNED" ? "Returned unused within 30 days." : null));
            }
            for (var i = 50; i < SimCount; i++) sims[i] = (NewId(), i >= 67 ? "DEACTIVATED" : "IN_STOCK", i >= 67 ? now.AddDays(-300) : null);

            await using (var copy = await CopyAsync("sim_cards", "id, iccid, phone_number, carrier, status, activated_at, created_at, updated_at"))
            {
                for (var i = 0; i < SimCount; i++)
                {
                    var (slug, name) = Carriers[i % Carriers.Length];
                    copy.Row().Text(sims[i].Id).Text(Iccid.FromAccount(slug, 3_100_000_000L + i * 7_919L, 20))
                        .Text(UsPhoneNumbers.Generate(_f.Random.GetRandom())).Text(name).Enum(sims[i].Status).Timestamp(sims[i].ActivatedAt)
                        .Timestamp(now.AddDays(-320)).Timestamp(sims[i].ActivatedAt ?? now.AddDays(-320));
                }
                await copy.CompleteAsync(ct);
            }

            await using (var copy = await CopyAsync("devices", "id, serial_number, imei, model, status, company_id, invoice_id, sim_card_id, " +
                "activation_date, tracking_active, notes, created_at, updated_at"))
            {
                for (var i = 0; i < devices.Count; i++)
                {
                    var d = devices[i];
                    copy.Row().Text(NewId()).Text($"GL300-{240_101 + i}").Text(Imei.FromSerial(410_000 + i * 13)).Text("GL300").Enum(d.Status)
                        .Text(d.Company?.Id).Null().Text(d.Sim is { } s ? sims[s].Id : null).Date(d.Activated)
                        .Bool(d.Status == "ACTIVATED" && i % 7 != 0).Text(d.Notes).Timestamp(now.AddDays(-320)).Timestamp(now.AddDays(-2));
                }
                await copy.CompleteAsync(ct);
            }
        }
    }
}
