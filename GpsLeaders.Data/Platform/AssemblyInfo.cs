namespace GpsLeaders.Data.Platform;

/// <summary>Marker for locating the data assembly (embedded migration scripts live here).</summary>
public static class DataAssembly
{
    public static System.Reflection.Assembly Value => typeof(DataAssembly).Assembly;
}
