namespace SearchApi.IntegrationTests.Support;

/// <summary>
/// Tests that each get a service of their own (a fresh data directory): the factory, a reader and a writer. The
/// store is SQLite unless a subclass runs the same tests on PostgreSQL (<see cref="UseStore"/>).
/// </summary>
public abstract class OwnServiceTests : IAsyncLifetime
{
    protected SearchApiFactory Factory { get; } = new();

    protected HttpClient Reader { get; private set; } = null!;

    protected HttpClient Writer { get; private set; } = null!;

    /// <summary>Chooses the store engine; SQLite here, PostgreSQL in the subclasses that override it.</summary>
    protected virtual void UseStore(SearchApiFactory factory)
    {
    }

    /// <summary>Settings of the service under test.</summary>
    protected virtual void Configure(SearchApiFactory factory)
    {
    }

    public async Task InitializeAsync()
    {
        UseStore(Factory);
        Configure(Factory);
        await Factory.InitializeAsync();
        Reader = Factory.CreateClient();
        Writer = Factory.CreateWriter();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Tests against the service as a real process, started on a data directory of its own and ready.</summary>
public abstract class RunningServerTests : IAsyncLifetime
{
    protected TempDirectory Data { get; } = new();

    protected ServerProcess Server { get; private set; } = null!;

    /// <summary>Settings beyond the test defaults, as --Key=Value arguments.</summary>
    protected virtual string[] Settings => [];

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(Data.Path, Settings);
        await Server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Data.Dispose();
    }
}
