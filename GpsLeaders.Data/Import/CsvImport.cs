using System.Globalization;
using System.Text;

namespace GpsLeaders.Data.Import;

/// <summary>The file cannot be imported at all (empty, not UTF-8, broken quoting…); the message says why and what to do.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>One data line of the file: its row number as a spreadsheet shows it (the header is row 1) and its values.</summary>
public sealed record CsvRecord(int RowNumber, string[] Values);

/// <summary>A CSV file read and checked: headers, data rows, and notes about how it was read.</summary>
public sealed record ImportFile(string FileName, IReadOnlyList<string> Headers, IReadOnlyList<CsvRecord> Rows, char Delimiter, IReadOnlyList<string> Notes)
{
    public ImportSource DetectedSource => ColumnMapping.Detect(Headers);
}

/// <summary>
/// Reads an uploaded CSV into rows. Refuses, with a message naming the problem, files that are too large, empty,
/// header-only, not UTF-8, use an unrecognised delimiter or have broken quoting. Comma, semicolon and tab
/// delimiters are recognised from the header line (a note says when it is not a comma).
/// </summary>
public static class CsvImport
{
    /// <summary>20 MB: a 50,000-row Google Maps scrape is about 15 MB.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<ImportFile> ReadAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBytes) throw new ImportFileException($"{fileName} is larger than {MaxBytes / 1024 / 1024} MB; split it into smaller files.");
            buffer.Write(chunk, 0, n);
        }
        return Read(buffer.ToArray(), fileName);
    }

    public static ImportFile Read(byte[] bytes, string fileName)
    {
        if (bytes.Length > MaxBytes) throw new ImportFileException($"{fileName} is larger than {MaxBytes / 1024 / 1024} MB; split it into smaller files.");
        var text = Decode(bytes, fileName);
        if (string.IsNullOrWhiteSpace(text)) throw new ImportFileException($"{fileName} is empty.");

        var notes = new List<string>();
        var delimiter = DetectDelimiter(FirstLine(text), fileName, notes);
        var records = CsvText.Parse(text, delimiter, fileName).GetEnumerator();
        if (!records.MoveNext()) throw new ImportFileException($"{fileName} is empty.");
        var headers = records.Current.Values.Select(h => h.Trim()).ToArray();
        if (headers.All(h => h.Length == 0)) throw new ImportFileException($"{fileName} has an empty header line; the first line must name the columns.");

        var rows = new List<CsvRecord>();
        while (records.MoveNext())
        {
            var (row, _, values) = records.Current;
            if (values.All(string.IsNullOrWhiteSpace)) continue; // blank line, e.g. at the end of the file
            rows.Add(new CsvRecord(row, values));
        }
        if (rows.Count == 0) throw new ImportFileException($"{fileName} has a header but no data rows.");
        return new ImportFile(fileName, headers, rows, delimiter, notes);
    }

    static string Decode(byte[] bytes, string fileName)
    {
        try
        {
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" (the first bad byte is near byte {ex.Index:N0})" : "";
            throw new ImportFileException(
                $"{fileName} is not UTF-8 text{at}. In Excel use \"Save as → CSV UTF-8\", or re-export it as UTF-8, and upload again.");
        }
    }

    static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>The delimiter that splits the header line into the most columns, counting only outside quotes.</summary>
    static char DetectDelimiter(string header, string fileName, List<string> notes)
    {
        int Count(char d)
        {
            var (count, quoted) = (0, false);
            foreach (var c in header)
            {
                if (c == '"') quoted = !quoted;
                else if (c == d && !quoted) count++;
            }
            return count;
        }

        var (comma, semicolon, tab) = (Count(','), Count(';'), Count('\t'));
        if (comma >= semicolon && comma >= tab && comma > 0) return ',';
        if (semicolon > 0 || tab > 0)
        {
            var (d, name) = semicolon >= tab ? (';', "semicolons") : ('\t', "tabs");
            notes.Add($"The columns are separated by {name}, not commas; the file was read that way.");
            return d;
        }
        if (header.IndexOfAny(['|', ':', '^', '~']) is >= 0 and var at)
            throw new ImportFileException(
                $"{fileName} has a single column '{header.Trim()}': its columns seem to be separated by '{header[at]}'. " +
                "Columns must be separated by commas (semicolons and tabs are recognised too).");
        return ',';
    }
}
