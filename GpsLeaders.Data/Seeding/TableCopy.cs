using Npgsql;
using NpgsqlTypes;

namespace GpsLeaders.Data.Seeding;

/// <summary>
/// Binary COPY into one table, written column by column in the order given to <see cref="StartAsync"/>.
/// Independent of the EF model on purpose: table and column names are the physical ones from data-model.md.
/// Values are written with the synchronous importer API: it only blocks when its buffer flushes, and is
/// several times cheaper per value than awaiting a Task for each of millions of cells.
/// </summary>
internal sealed class TableCopy : IAsyncDisposable
{
    private readonly NpgsqlBinaryImporter _importer;

    private TableCopy(string table, NpgsqlBinaryImporter importer) { Table = table; _importer = importer; }

    public string Table { get; }
    public long Rows { get; private set; }

    public static async Task<TableCopy> StartAsync(NpgsqlConnection connection, string table, string columns, CancellationToken ct)
    {
        var quoted = string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => $"\"{c}\""));
        var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({quoted}) FROM STDIN (FORMAT BINARY)", ct);
        return new TableCopy(table, importer);
    }

    public TableCopy Row() { _importer.StartRow(); Rows++; return this; }

    public TableCopy Text(string? value) => Put(value, NpgsqlDbType.Text);
    public TableCopy Int(int? value) => value is null ? Null() : Put(value.Value, NpgsqlDbType.Integer);
    public TableCopy Bool(bool value) => Put(value, NpgsqlDbType.Boolean);
    public TableCopy Numeric(decimal? value) => value is null ? Null() : Put(value.Value, NpgsqlDbType.Numeric);
    public TableCopy Json(string? json) => Put(json, NpgsqlDbType.Jsonb);
    public TableCopy Date(DateOnly? value) => value is null ? Null() : Put(value.Value, NpgsqlDbType.Date);
    public TableCopy TextArray(string[] values) => Put(values, NpgsqlDbType.Array | NpgsqlDbType.Text);

    /// <summary>
    /// timestamp(3) without time zone holding UTC: Npgsql 6+ refuses Kind=Utc for <c>timestamp</c>, so the UTC
    /// clock value is sent as Unspecified. Milliseconds are kept; the column rounds anything finer.
    /// </summary>
    public TableCopy Timestamp(DateTime? utc)
    {
        if (utc is null) return Null();
        if (utc.Value.Kind == DateTimeKind.Local) throw new ArgumentException("Seed timestamps must be UTC.", nameof(utc));
        return Put(DateTime.SpecifyKind(utc.Value, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
    }

    /// <summary>
    /// A PostgreSQL enum label ("NEW_LEAD" into "LeadStage"). With Npgsql 10, naming the type
    /// (<c>Write(label, "\"LeadStage\"")</c>) fails with "data type name could not be found" because unmapped enums
    /// are not loaded unless the data source calls EnableUnmappedTypes() (and then only the unquoted name works).
    /// NpgsqlDbType.Unknown sends the label's text bytes, which is exactly the enum binary format, so the server's
    /// enum_recv validates it against the column's type: a wrong label fails with 22P02 invalid input value for enum.
    /// </summary>
    public TableCopy Enum(string label) => Put(label, NpgsqlDbType.Unknown);

    public TableCopy Null() { _importer.WriteNull(); return this; }

    public async Task<long> CompleteAsync(CancellationToken ct)
    {
        await _importer.CompleteAsync(ct);
        return Rows;
    }

    public ValueTask DisposeAsync() => _importer.DisposeAsync();

    private TableCopy Put<T>(T? value, NpgsqlDbType type)
    {
        if (value is null) _importer.WriteNull();
        else _importer.Write(value, type);
        return this;
    }
}
