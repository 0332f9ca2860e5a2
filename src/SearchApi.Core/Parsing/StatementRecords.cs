using System.Text.Json;
using System.Text.Unicode;

namespace SearchApi.Core.Parsing;

/// <summary>What reading one JSON statement gave: the record, or the reason it could not be read.</summary>
/// <param name="InvalidText">The bytes were not UTF-8 (refused as invalid_text), rather than not JSON.</param>
public sealed record RecordRead(StatementRecord? Record, string? Error, bool InvalidText = false);

/// <summary>
/// Reads a JSON statement from its raw bytes — a POST body, a line of a bulk upload or of a .jsonl file — with one rule
/// for all: bytes that are not UTF-8 are refused (never replaced by U+FFFD), then the JSON must be one statement object.
/// </summary>
public static class StatementRecords
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static RecordRead Read(ReadOnlySpan<byte> utf8, string what = "the statement")
    {
        // Windows tools start files (and so bulk uploads and first lines) with a byte-order mark.
        if (utf8.StartsWith(ByteOrderMark)) utf8 = utf8[ByteOrderMark.Length..];
        if (!Utf8.IsValid(utf8))
        {
            Utf8Text.TryDecode(utf8, out var badByte);
            return new RecordRead(null, Utf8Text.Problem(what, badByte), InvalidText: true);
        }
        try
        {
            return JsonSerializer.Deserialize(utf8, StatementJson.Default.StatementRecord) is { } record
                ? new RecordRead(record, null)
                : new RecordRead(null, $"{what} is JSON null; send a statement object");
        }
        catch (JsonException e)
        {
            return new RecordRead(null, $"{what} is not a JSON statement: {JsonErrors.Describe(e)}");
        }
    }

    /// <summary>One JSON line given as text (tests, tools).</summary>
    public static ParsedItem ParseLine(string line, string origin = "line", int number = 1) =>
        ParseLine(new JsonLine(number, System.Text.Encoding.UTF8.GetBytes(line)), origin, int.MaxValue);

    /// <summary>One line of a JSON Lines stream as a statement, or the reason it is refused.</summary>
    public static ParsedItem ParseLine(JsonLine line, string origin, int maxLineBytes)
    {
        if (line.Bytes is null) return new ParsedItem(origin, line.Number, null, $"the line is longer than {maxLineBytes:N0} bytes", LineProblem.TooLong);
        var read = Read(line.Bytes, "the line");
        if (read.Record is null) return new ParsedItem(origin, line.Number, null, read.Error, read.InvalidText ? LineProblem.InvalidText : LineProblem.InvalidJson);
        var parsed = RecordParser.Parse(read.Record);
        return new ParsedItem(origin, line.Number, parsed.Statement, parsed.Error, parsed.Statement is null ? LineProblem.InvalidStatement : null);
    }
}
