using Microsoft.Extensions.Options;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Parsing;
using SearchApi.Core.Search;
using SearchApi.Core.Storage;
using SearchApi.Options;

namespace SearchApi.Hosting;

/// <summary>Wires the core pipeline (parse, store, index, search) into the container.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddSearchApiOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchApiOptions>()
            .Bind(configuration.GetSection(SearchApiOptions.Section))
            .PostConfigure(options => options.StatementsConnectionString ??= configuration.GetConnectionString("Statements"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchApiOptions>, SearchApiOptionsValidator>();
        return services;
    }

    public static IServiceCollection AddSearchCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StatementParser>();
        services.AddSingleton<StatementFileReader>();
        services.AddSingleton(sp => StoreEngines.Create(Options(sp).Storage, Options(sp).StatementsConnectionString, Options(sp).DatabasePath));
        services.AddSingleton<StoreHealth>();
        services.AddSingleton<IStatementStore, SqlStatementStore>();
        services.AddSingleton(sp => new IndexPageCache((long)Options(sp).IndexCacheMegabytes * 1024 * 1024));
        services.AddSingleton(sp => IndexCatalog.Open(
            Options(sp).IndexPath,
            () => StatementAnalyzer.Create(),
            sp.GetRequiredService<ILogger<IndexCatalog>>(),
            TimeSpan.FromSeconds(Options(sp).CursorLifetimeSeconds),
            sp.GetRequiredService<IndexPageCache>(),
            sp.GetRequiredService<TimeProvider>(),
            IndexSnapshotSource.For(Options(sp))));
        services.AddSingleton(sp => new IndexCommitPolicy(TimeSpan.FromSeconds(Options(sp).IndexCommitSeconds), Options(sp).IndexCommitChanges));
        services.AddSingleton<IndexSynchronizer>();
        services.AddSingleton<IIndexFollower>(sp => sp.GetRequiredService<IndexSynchronizer>());
        services.AddSingleton<StatementWriter>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<SeedLoader>();
        services.AddSingleton(_ => Gazetteer.Embedded);
        services.AddSingleton<EntityLinker>();
        services.AddSingleton<FacetLabels>();
        services.AddSingleton(sp => QueryBuilder.Standard(
            sp.GetRequiredService<EntityLinker>(),
            new QueryLimits(Options(sp).MaxQueryClauses, Options(sp).MaxPrefixExpansions, TimeSpan.FromMilliseconds(Options(sp).SearchTimeoutMs))));
        services.AddSingleton<ReadSessions>();
        services.AddSingleton<FacetValueSearch>();
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton(sp => new CursorCodec(sp.GetRequiredService<InstanceIdentity>().Id));
        services.AddSingleton<ReindexJobs>();
        services.AddSingleton<Security.ApiKeyRing>();
        services.AddSingleton<IndexReadiness>();
        services.AddHostedService<StartupService>();
        return services;
    }

    private static SearchApiOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SearchApiOptions>>().Value;
}
