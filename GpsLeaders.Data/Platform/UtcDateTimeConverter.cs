using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GpsLeaders.Data.Platform;

/// <summary>
/// DateTime columns are <c>timestamp(3) without time zone</c> holding UTC, as Prisma stores them.
/// Npgsql refuses Kind=Utc for that type, so writes convert to UTC and drop the kind;
/// reads come back as Kind=Utc. An Unspecified value is taken to be UTC already.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Unspecified),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    public const string ColumnType = "timestamp(3) without time zone";
}
