using GpsLeaders.Bench;
using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// usage: GpsLeaders.Bench <connection string> [runs]   or   GpsLeaders.Bench import <connection string> [rows]
//        GpsLeaders.Bench inbox <connection string> <app url> <keys dir> [latency messages] [throughput messages]
//        GpsLeaders.Bench calllist <connection string> [runs]
//        GpsLeaders.Bench dialer <connection string> [calls]
//        GpsLeaders.Bench ui-circuits <app url> <app pid> <path> [circuits]   |   ui-load <app url> [runs]
// Each scenario runs a few times to warm up, then `runs` times with varied inputs; p50/p95 are of those runs.
if (args is ["import", var importDb, ..])
    return await ImportBench.RunAsync(BenchServices.For(importDb).BuildServiceProvider(), args.Length > 2 ? int.Parse(args[2]) : 50_000);
if (args is ["inbox", var inboxDb, var appUrl, var keysDir, ..])
    return await InboxBench.RunAsync(inboxDb, appUrl, keysDir, args.Length > 4 ? int.Parse(args[4]) : 100, args.Length > 5 ? int.Parse(args[5]) : 3000);
if (args is ["calllist", var callListDb, ..]) return await CallListBench.RunAsync(callListDb, args.Length > 2 ? int.Parse(args[2]) : 20);
if (args is ["ui-circuits", var circuitsUrl, var appPid, var circuitPath, ..])
    return await UiBench.CircuitsAsync(circuitsUrl, int.Parse(appPid), circuitPath, args.Length > 4 ? int.Parse(args[4]) : 100);
if (args is ["ui-load", var loadUrl, ..])
    return await UiBench.FirstLoadAsync(loadUrl, [("/companies", "[data-testid=company-link]"), ("/inbox", "[data-testid=inbox-row]")], args.Length > 2 ? int.Parse(args[2]) : 20);
if (args is ["dialer", var dialerDb, ..]) return await DialerBench.RunAsync(dialerDb, args.Length > 2 ? int.Parse(args[2]) : 500);
if (args.Length < 1) { Console.Error.WriteLine("usage: GpsLeaders.Bench <connection string> [runs]"); return 2; }
var runs = args.Length > 1 ? int.Parse(args[1]) : 50;
var services = BenchServices.For(args[0]).BuildServiceProvider();
var samples = await Samples.LoadAsync(services.GetRequiredService<IDbContextFactory<CrmDbContext>>());

Console.WriteLine($"{QueryTiming.Header}   runs={runs}");
await using var sqlAlone = QueryTiming.SqlAloneSource(args[0]);
foreach (var scenario in Scenarios.All(services, samples))
    await QueryTiming.ReportAsync(scenario.Name, scenario.Run, runs, sqlAlone);
return 0;
