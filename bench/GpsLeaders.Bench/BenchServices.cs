using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Bench;

/// <summary>The domain services wired as the app wires them, on the bench database.</summary>
public static class BenchServices
{
    public static IServiceCollection For(string connectionString) => new ServiceCollection()
        .AddDbContextFactory<CrmDbContext>(o => o.UseCrmDatabase(connectionString).AddInterceptors(QueryTiming.SqlCapture.Instance))
        .AddSingleton(TimeProvider.System)
        .AddCrmDomainServices();
}
