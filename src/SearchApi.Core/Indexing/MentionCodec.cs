using System.Globalization;
using System.Text;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Indexing;

/// <summary>An entity mention as the index stores it for highlighting.</summary>
public readonly record struct IndexedMention(string EntityId, bool InTitle, int Start, int Length);

/// <summary>Entity mentions in one compact stored field: "id,t|x,start,length" separated by ';'.</summary>
public static class MentionCodec
{
    public static string Write(IReadOnlyList<StatementEntity> entities)
    {
        var builder = new StringBuilder();
        foreach (var entity in entities)
            // Only mentions in the title and text are highlighted.
            foreach (var mention in entity.Mentions.Where(m => m.Field is EntityMention.InTitle or EntityMention.InText))
            {
                if (builder.Length > 0) builder.Append(';');
                builder.Append(entity.Id).Append(',').Append(mention.Field == EntityMention.InTitle ? 't' : 'x').Append(',')
                    .Append(mention.Start.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(mention.Length.ToString(CultureInfo.InvariantCulture));
            }
        return builder.ToString();
    }

    public static IReadOnlyList<IndexedMention> Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return [];
        var mentions = new List<IndexedMention>();
        foreach (var item in stored.Split(';'))
        {
            var parts = item.Split(',');
            if (parts.Length != 4) continue;
            mentions.Add(new IndexedMention(parts[0], parts[1] == "t",
                int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture)));
        }
        return mentions;
    }
}
