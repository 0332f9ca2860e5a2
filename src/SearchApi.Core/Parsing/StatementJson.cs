using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchApi.Core.Parsing;

/// <summary>Source-generated JSON (de)serialisation of statement records, shared by file ingestion and the HTTP write path.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(StatementRecord))]
[JsonSerializable(typeof(StatementRecord[]))]
public sealed partial class StatementJson : JsonSerializerContext;
