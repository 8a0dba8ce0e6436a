using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>The domain services wired as the app wires them, on a given database and clock, without a web host.</summary>
public sealed class Services(string connectionString, TimeProvider? clock = null)
{
    readonly ServiceProvider _provider = new ServiceCollection()
        .AddDbContextFactory<CrmDbContext>(o => o.UseCrmDatabase(connectionString))
        .AddSingleton(clock ?? TimeProvider.System)
        .AddCrmDomainServices()
        .BuildServiceProvider();

    public string ConnectionString => connectionString;

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public CrmDbContext Db() => _provider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();
}
