using System.Text.RegularExpressions;

namespace GpsLeaders.Tests.Schema;

internal sealed record DocColumn(string Field, string Type, bool Nullable, string Default, string Column);

/// <summary>A relation as documented: FK field, target model, explicit onDelete if any.</summary>
internal sealed record DocRelation(string Field, string TargetModel, string? OnDelete);

/// <summary>An index as documented; columns carry " DESC" when descending.</summary>
internal sealed record DocIndex(string Name, bool Unique, IReadOnlyList<string> Columns);

internal sealed record DocTable(
    string Model, string Table, IReadOnlyList<DocColumn> Columns,
    IReadOnlyList<DocRelation> Relations, string ConstraintsText)
{
    public DocColumn ColumnOf(string field) => Columns.SingleOrDefault(c => c.Field == field)
        ?? throw new FormatException($"{Table}: the document names field '{field}', which its table does not list.");
}

/// <summary>
/// Parser for spec/data-model.md as extracted from the web page: each "Table: x" line follows the
/// model name and its "Purpose:" line, then the "| Field | Type | Null | Default | Column |" rows,
/// a "Relationships" block and a "Constraints / indexes:" line; enums come after "Enum Reference".
/// </summary>
internal sealed partial class DataModelDocument
{
    public required IReadOnlyList<DocTable> Tables { get; init; }
    public required IReadOnlyList<(string Name, string[] Labels)> Enums { get; init; }

    public static DataModelDocument Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var tables = new List<DocTable>();
        for (var i = 0; i < lines.Length; i++)
        {
            var m = TableLine().Match(lines[i]);
            if (!m.Success) continue;
            if (!lines[i - 1].StartsWith("Purpose:", StringComparison.Ordinal))
                throw new FormatException($"'{lines[i]}' does not follow a Purpose line.");
            var columns = new List<DocColumn>();
            var relations = "";
            var constraints = "";
            var j = i + 1;
            for (; j < lines.Length && !lines[j].StartsWith("Relationships", StringComparison.Ordinal); j++)
            {
                var cells = lines[j].Split('|');
                if (cells.Length != 6 || lines[j].StartsWith('|')) continue;
                var c = cells.Select(x => x.Trim()).ToArray();
                columns.Add(new DocColumn(c[0], c[1], c[2] == "yes", c[3], c[4]));
            }
            for (; j < lines.Length && !lines[j].StartsWith("Constraints / indexes", StringComparison.Ordinal); j++)
                relations += lines[j] + " ";
            if (j < lines.Length) constraints = lines[j];
            tables.Add(new DocTable(lines[i - 2].Trim(), m.Groups[1].Value, columns, ParseRelations(relations), constraints));
        }

        var enums = new List<(string, string[])>();
        var start = Array.IndexOf(lines, "Enum Reference");
        var end = Array.IndexOf(lines, "Cross-Cutting Notes");
        // After the heading and its one-line intro: name, description, comma-separated labels.
        for (var k = start + 2; k + 2 < end; k += 3)
            enums.Add((lines[k].Trim(), lines[k + 2].Split(',').Select(v => v.Trim()).ToArray()));

        return new DataModelDocument { Tables = tables, Enums = enums };
    }

    /// <summary>Relations with an FK field on this side ("company→CompanyviacompanyId, onDelete: Cascade").</summary>
    private static List<DocRelation> ParseRelations(string text)
    {
        var result = new List<DocRelation>();
        foreach (var chunk in RelationStart().Split(text))
        {
            var head = RelationHead().Match(chunk);
            var fk = RelationField().Match(chunk);
            if (!head.Success || !fk.Success) continue; // back-relations have no FK field
            var onDelete = OnDelete().Match(chunk);
            result.Add(new DocRelation(fk.Groups[1].Value, head.Groups[2].Value, onDelete.Success ? onDelete.Groups[1].Value : null));
        }
        return result;
    }

    /// <summary>The indexes the "Constraints / indexes" line documents, with Prisma's default names.</summary>
    public static List<DocIndex> IndexesOf(DocTable table)
    {
        var text = table.ConstraintsText;
        var result = new List<DocIndex>();
        string Col(string field) => table.ColumnOf(field.Trim()).Column;
        DocIndex Make(IReadOnlyList<string> cols, bool unique, string? name) => new(
            name ?? $"{table.Table}_{string.Join('_', cols.Select(c => c.Split(' ')[0]))}_{(unique ? "key" : "idx")}", unique, cols);

        foreach (Match m in FieldUnique().Matches(text)) result.Add(Make([Col(m.Groups[1].Value)], true, null));
        foreach (Match m in CompositeUnique().Matches(text))
            result.Add(Make(m.Groups[1].Value.Split(',').Select(Col).ToList(), true, m.Groups[2].Success ? m.Groups[2].Value : null));

        var list = IndexList().Match(text);
        if (!list.Success) return result;
        foreach (var item in SplitTopLevel(list.Groups[1].Value))
        {
            if (item.StartsWith('('))
                result.Add(Make(item[1..item.IndexOf(')')].Split(',').Select(Col).ToList(), false, null));
            else
            {
                var field = Regex.Match(item, @"^\w+").Value;
                var desc = item.Contains("(descending)", StringComparison.Ordinal) ? " DESC" : "";
                result.Add(Make([Col(field) + desc], false, null));
            }
        }
        return result;
    }

    /// <summary>Splits "a, (b, c) and d (comment)" on commas and " and " outside parentheses.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '(') depth++;
            if (ch == ')') depth--;
            var atAnd = depth == 0 && string.CompareOrdinal(text, i, " and ", 0, 5) == 0;
            if (depth == 0 && (ch == ',' || atAnd))
            {
                if (current.ToString().Trim() is { Length: > 0 } done) yield return done;
                current.Clear();
                if (atAnd) i += 4;
                continue;
            }
            current.Append(ch);
        }
        if (current.ToString().Trim() is { Length: > 0 } last) yield return last;
    }

    [GeneratedRegex(@"^Table: (\w+)$")] private static partial Regex TableLine();
    [GeneratedRegex(@"(?=\b[a-z]\w*\s*→)")] private static partial Regex RelationStart();
    // The extraction glued words together ("company→CompanyviacompanyId"), so the model name ends where "via", "?", "(" or a space begins.
    [GeneratedRegex(@"^(\w+)\s*→\s*([A-Z][A-Za-z]*?)(?=via|relation|self-relation|\?|\[|\(|\s|$)")] private static partial Regex RelationHead();
    [GeneratedRegex(@"(?:via\s*|\()(\w+Id)\b")] private static partial Regex RelationField();
    [GeneratedRegex(@"onDelete:\s*(\w+)")] private static partial Regex OnDelete();
    [GeneratedRegex(@"(\w+) is @unique")] private static partial Regex FieldUnique();
    [GeneratedRegex(@"@@unique\(\[([^\]]+)\]\)(?:\s*named\s+(\w+))?")] private static partial Regex CompositeUnique();
    [GeneratedRegex(@"Index(?:es)? on (.+?)\.(?:\s|$)")] private static partial Regex IndexList();
}
