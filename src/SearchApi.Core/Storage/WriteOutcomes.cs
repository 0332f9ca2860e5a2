namespace SearchApi.Core.Storage;

/// <summary>The names write outcomes have in every answer (single writes, bulk lines, the CLI's summary).</summary>
public static class WriteOutcomes
{
    public static string Name(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Created => "created",
        WriteOutcome.Updated => "updated",
        WriteOutcome.Unchanged => "unchanged",
        WriteOutcome.Deleted => "deleted",
        _ => "not_found",
    };
}
