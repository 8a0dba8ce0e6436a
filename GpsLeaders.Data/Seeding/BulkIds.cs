using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GpsLeaders.Data.Seeding;

/// <summary>
/// UUIDv7-shaped ids computed from (run, table, row index), so a child table can reference its parents
/// without keeping their ids in memory. Layout: 48-bit run start (ms) | version 7 | 12-bit table code |
/// variant | 30 random bits per run | 32-bit row index. Ids rise with the index (cheap B-tree appends),
/// and two runs differ in their random bits even if started in the same millisecond.
/// </summary>
internal sealed class BulkIds
{
    private readonly ulong _high;
    private readonly uint _runBits;

    public BulkIds(DateTimeOffset runStart)
    {
        var ms = (ulong)runStart.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF;
        _high = (ms << 16) | 0x7000;
        _runBits = BinaryPrimitives.ReadUInt32LittleEndian(RandomNumberGenerator.GetBytes(4)) & 0x3FFF_FFFF;
        RunTag = Convert.ToString(_runBits & 0xFFFFF, 16).PadLeft(5, '0');
    }

    /// <summary>Five hex digits unique to this run, for unique text columns (place ids, emails).</summary>
    public string RunTag { get; }

    public string For(BulkTable table, long index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _high | ((ulong)table & 0xFFF));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (0b10UL << 62) | ((ulong)_runBits << 32) | (uint)index);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}

internal enum BulkTable
{
    Company = 1, Contact = 2, Lead = 3, LeadTag = 4, Activity = 5, Address = 6,
}
