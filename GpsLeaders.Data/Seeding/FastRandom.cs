namespace GpsLeaders.Data.Seeding;

/// <summary>
/// SplitMix64: a tiny deterministic generator that can be re-created per row from (seed, index), so every
/// pass over a table sees the same "random" facts about row i without storing them.
/// </summary>
internal struct FastRandom(ulong seed)
{
    private ulong _state = seed;

    public static FastRandom For(ulong seed, long index, ulong stream = 0) =>
        new(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(index + 1)) ^ (stream << 56));

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => (int)((NextULong() >> 33) % (ulong)max);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(T[] items) => items[Next(items.Length)];
}
