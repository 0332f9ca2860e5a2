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
        services.AddOptions<SearchApiOptions>().Bind(configuration.GetSection(SearchApiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchApiOptions>, SearchApiOptionsValidator>();
        return services;
    }

    public static IServiceCollection AddSearchCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StatementParser>();
        services.AddSingleton<StatementFileReader>();
        services.AddSingleton<IStoreConnections>(sp => new SqliteConnections(Options(sp).DatabasePath));
        services.AddSingleton<IStatementStore, SqlStatementStore>();
        services.AddSingleton(sp =>
        {
            var index = OpenIndex(Options(sp).IndexPath, sp.GetRequiredService<ILogger<StatementIndex>>());
            index.SnapshotLifetime = TimeSpan.FromSeconds(Options(sp).CursorLifetimeSeconds);
            return index;
        });
        services.AddSingleton<IndexSynchronizer>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<SeedLoader>();
        services.AddSingleton(_ => Gazetteer.Embedded);
        services.AddSingleton<EntityLinker>();
        services.AddSingleton<FacetLabels>();
        services.AddSingleton(sp => new QueryBuilder(
            StatementAnalyzer.Create(AnalysisMode.Query),
            sp.GetRequiredService<EntityLinker>(),
            new QueryLimits(Options(sp).MaxQueryClauses, Options(sp).MaxPrefixExpansions)));
        services.AddSingleton<SearchService>();
        services.AddSingleton<CursorKeys>();
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton(sp => new CursorCodec(sp.GetRequiredService<CursorKeys>().Key, sp.GetRequiredService<InstanceIdentity>().Id));
        services.AddSingleton<FacetService>();
        services.AddSingleton<SimilarService>();
        services.AddSingleton<IndexReadiness>();
        services.AddHostedService<StartupService>();
        return services;
    }

    private static SearchApiOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SearchApiOptions>>().Value;

    /// <summary>Opens the index; an index whose files cannot be read is deleted and rebuilt from the store.</summary>
    private static StatementIndex OpenIndex(string path, ILogger logger)
    {
        try
        {
            return StatementIndex.Open(path, StatementAnalyzer.Create());
        }
        catch (Exception e) when (e is IOException or Lucene.Net.Index.CorruptIndexException or InvalidOperationException)
        {
            logger.LogWarning(e, "The index in {Path} cannot be opened; it will be rebuilt from the store", path);
            Directory.Delete(path, recursive: true);
            return StatementIndex.Open(path, StatementAnalyzer.Create());
        }
    }
}
