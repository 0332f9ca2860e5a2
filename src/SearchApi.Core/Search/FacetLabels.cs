using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Search;

/// <summary>The display names of facet values in English and Russian: entity names from the gazetteer, words for codes.</summary>
public sealed class FacetLabels(Gazetteer gazetteer)
{
    public static readonly IReadOnlyList<string> Fields = [.. IndexFields.KeywordFacets, .. IndexFields.EntityFacets];

    public EntityLabels For(string field, string value) => field switch
    {
        IndexFields.Lang => Languages.Labels(value),
        IndexFields.Kind => StatementKinds.Labels(value),
        IndexFields.Person or IndexFields.Organization or IndexFields.Place => gazetteer.LabelsOf(value),
        _ => new EntityLabels(value, value),
    };
}
