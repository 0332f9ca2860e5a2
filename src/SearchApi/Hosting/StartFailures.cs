using System.Data.Common;
using Microsoft.Extensions.Options;
using SearchApi.Core.Storage;

namespace SearchApi.Hosting;

/// <summary>
/// What may stop the process before it serves: a setting that cannot work, an index another process holds, a store
/// that refuses us. Each ends it with one line on standard error that says what to fix, and exit code 1 — never an
/// unhandled exception with a stack trace. Only where this program is the process (not inside a test host, which
/// reports such exceptions itself).
/// </summary>
public static class StartFailures
{
    public static void ReportInOneLine()
    {
        if (System.Reflection.Assembly.GetEntryAssembly() != typeof(StartFailures).Assembly) return;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is not Exception exception || Describe(exception) is not { } line) return;
            Console.Error.WriteLine(line);
            Environment.Exit(1);
        };
    }

    private static string? Describe(Exception e) => e switch
    {
        OptionsValidationException invalid => "configuration error: " + string.Join(" ", invalid.Failures),
        Lucene.Net.Store.LockObtainFailedException => "error: the index is held by another process (a running service?); stop it, or point SearchApi:DataDirectory elsewhere.",
        DbException store => $"error: the store cannot be used: {StoreHealth.Describe(store)}. Check SearchApi:Storage and ConnectionStrings:Statements.",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
