using System.Text;

namespace GpsLeaders.Data.Import;

/// <summary>
/// RFC 4180 reading and writing, small and strict. (The pinned CsvHelper 34 build here has a different API
/// from the classic one and no per-record bad-data hook, so the import reads CSV itself to name the exact
/// row and line of broken quoting.)
/// </summary>
public static class CsvText
{
    /// <summary>Records with the row number (1 = the header) and the line number each starts on.</summary>
    public static IEnumerable<(int Row, int Line, string[] Values)> Parse(string text, char delimiter, string fileName)
    {
        var values = new List<string>();
        var field = new StringBuilder();
        int row = 1, line = 1, startLine = 1, i = 0;
        while (i <= text.Length)
        {
            if (i == text.Length)
            {
                if (values.Count > 0 || field.Length > 0) { values.Add(Clean(field)); yield return (row, startLine, values.ToArray()); }
                yield break;
            }
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                var opened = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new ImportFileException($"{fileName} has broken quoting at row {row} (line {opened}): a quote opened there is never closed. Fix the row and upload again.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                    throw new ImportFileException($"{fileName} has broken quoting at row {row} (line {line}): text follows a closing quote. A quote inside a value must be doubled (\"\"). Fix the row and upload again.");
                if (field.Length == 0) field.Append('\0'); // a quoted empty value: mark so the field is not taken as unquoted
                continue;
            }
            if (c == delimiter) { values.Add(Clean(field)); i++; continue; }
            if (c is '\r' or '\n')
            {
                values.Add(Clean(field));
                yield return (row, startLine, values.ToArray());
                values.Clear();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                row++;
                line++;
                startLine = line;
                continue;
            }
            if (c == '"')
                throw new ImportFileException($"{fileName} has broken quoting at row {row} (line {line}): a quote in the middle of an unquoted value. Enclose the value in quotes and double the quote inside (\"\"). Fix the row and upload again.");
            field.Append(c);
            i++;
        }
    }

    static string Clean(StringBuilder field)
    {
        var s = field.Length == 1 && field[0] == '\0' ? "" : field.ToString();
        field.Clear();
        return s;
    }

    public static string Line(IEnumerable<string?> values) => string.Join(',', values.Select(Quote));

    static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
