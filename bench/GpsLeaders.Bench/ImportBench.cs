using System.Text;
using GpsLeaders.Data.Import;
using GpsLeaders.Data.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Bench;

/// <summary>
/// Imports a generated Google Maps scrape of <c>rows</c> rows (deterministic: same seed, same file) through
/// ImportService, then imports it again; prints rows/second of both and what the second run created (must be 0).
/// </summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(ServiceProvider services, int rows)
    {
        var bytes = GenerateGoogleMapsCsv(rows);
        var file = CsvImport.Read(bytes, "bench-google-maps.csv");
        var mapping = ColumnMapping.Auto(file.Headers, file.DetectedSource);
        var import = services.GetRequiredService<ImportService>();
        Console.WriteLine($"file: {rows:N0} rows, {bytes.Length / 1024.0 / 1024.0:0.0} MB, batches of {ImportService.BatchSize}");
        foreach (var run in new[] { "first import", "re-import" })
        {
            var result = await import.RunAsync(new ImportRequest(file, mapping, ImportSource.GoogleMaps, null));
            Console.WriteLine($"{run,-14} {result.Elapsed.TotalSeconds,7:0.00} s  {result.RowsPerSecond,8:N0} rows/s   created {result.Created:N0}, merged {result.Merged:N0}, rejected {result.Rejected:N0}" +
                $" (companies +{result.CompaniesCreated:N0}, contacts +{result.ContactsCreated:N0}, leads +{result.LeadsCreated:N0})");
        }
        return 0;
    }

    static byte[] GenerateGoogleMapsCsv(int rows)
    {
        var random = new Random(20261202);
        string[] kinds = ["Towing", "Plumbing", "Landscaping", "HVAC", "Courier", "Trucking", "Electric", "Roofing"];
        string[] words = ["Lone Star", "Bluebonnet", "Red River", "Summit", "Pioneer", "Eagle", "Frontier", "Liberty", "Cedar", "Granite"];
        var text = new StringBuilder(rows * 300);
        text.Append("name,place_id,phone,website,category,rating,reviews,photo,google_maps_url,full_address,description\n");
        for (var i = 0; i < rows; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            var name = $"{words[random.Next(words.Length)]} {kind} {i:D5} LLC";
            var slug = name.ToLowerInvariant().Replace(' ', '-');
            var phone = GpsLeaders.Data.Contacts.UsPhoneNumbers.FormatNational(GpsLeaders.Data.Contacts.UsPhoneNumbers.Generate(random));
            text.Append(CsvText.Line([
                name, $"ChIJbench{i:D7}", phone, $"https://{slug}.example.com", kind, (3 + random.Next(21) / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                random.Next(2000).ToString(), $"https://lh3.example.com/p/{i}.jpg", $"https://maps.google.com/?cid={1_000_000 + i}",
                $"{random.Next(100, 9999)} Main St, Austin, TX 78701", $"{kind} services in Austin, \"family owned\" since {1950 + random.Next(70)}",
            ])).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
