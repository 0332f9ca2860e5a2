using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchApi.Core.Indexing;

/// <summary>A statement the index could not take: it stays in the store, is left out of searches, and is tried again on reindex and at every start.</summary>
/// <param name="Seq">The store sequence number of the version that failed.</param>
/// <param name="Reason">What went wrong, in one line (no stack trace, no path).</param>
public sealed record SkippedStatement(string Id, long Seq, string Reason, DateTimeOffset At);

/// <summary>The skipped statements as the index's commit data records them (JSON), so they survive restarts with the index.</summary>
internal static class SkippedStatements
{
    /// <summary>Most skipped statements one index records; beyond it the oldest records are dropped (the count stays exact).</summary>
    public const int MaxRecorded = 10_000;

    public static string Write(IEnumerable<SkippedStatement> skipped) =>
        JsonSerializer.Serialize(skipped.OrderBy(s => s.Seq).TakeLast(MaxRecorded).ToList(), SkippedJson.Default.ListSkippedStatement);

    public static List<SkippedStatement> Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            return JsonSerializer.Deserialize(json, SkippedJson.Default.ListSkippedStatement) ?? [];
        }
        catch (JsonException)
        {
            // A record we cannot read is no reason to refuse the index: the statements are retried on reindex.
            return [];
        }
    }

    /// <summary>The reason of an exception in one line: its message without any path or type name.</summary>
    public static string Reason(Exception exception)
    {
        var message = exception.Message.ReplaceLineEndings(" ");
        if (message.Length > 300) message = message[..300] + "…";
        return exception switch
        {
            ArgumentException => "the text could not be analysed: " + message,
            _ => "indexing failed: " + message,
        };
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<SkippedStatement>))]
internal sealed partial class SkippedJson : JsonSerializerContext;
