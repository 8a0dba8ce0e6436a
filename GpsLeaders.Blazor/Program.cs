using GpsLeaders.Blazor.Platform;

// One executable: with no command it serves the app; otherwise it runs a maintenance command.
return await CommandLine.RunAsync(args);

public partial class Program;
