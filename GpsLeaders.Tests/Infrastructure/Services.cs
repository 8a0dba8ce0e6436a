using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>The domain services wired as the app wires them, on a given database and clock, without a web host.
/// <paramref name="replace"/> registers test doubles or options after the app's own (the last registration wins).</summary>
public sealed class Services(string connectionString, TimeProvider? clock = null, Action<IServiceCollection>? replace = null)
{
    readonly ServiceProvider _provider = Build(connectionString, clock, replace);

    static ServiceProvider Build(string connectionString, TimeProvider? clock, Action<IServiceCollection>? replace)
    {
        var services = new ServiceCollection()
            .AddDbContextFactory<CrmDbContext>(o => o.UseCrmDatabase(connectionString))
            .AddSingleton(clock ?? TimeProvider.System)
            .AddCrmDomainServices();
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public string ConnectionString => connectionString;

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>For fakes that register themselves through the app's own services (FakeSmsGateway).</summary>
    public IServiceProvider Provider => _provider;

    public CrmDbContext Db() => _provider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();
}
