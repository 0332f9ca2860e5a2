using SearchApi.Core.Entities;
using SearchApi.Core.Statements;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Entities;

/// <summary>The shipped gazetteer: coverage the issue asks for, checked against the UN member list in Fixtures.</summary>
public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Embedded;

    [Fact]
    public void Every_UN_member_state_is_a_country_with_English_and_Russian_names()
    {
        var members = File.ReadAllLines(RepoPaths.TestsFolder("Fixtures/un-members.txt")).Where(l => l.Length > 0).ToList();
        Assert.Equal(193, members.Count);
        var countries = Gazetteer.Entries.Values.Where(e => e.Kind == "country").ToList();
        foreach (var iso in members)
        {
            var country = Assert.Single(countries, c => c.Iso2 == iso);
            Assert.False(string.IsNullOrWhiteSpace(country.Label.En));
            Assert.False(string.IsNullOrWhiteSpace(country.Label.Ru));
            Assert.NotEmpty(country.Names.Ru ?? []);
        }
    }

    [Fact]
    public void Holds_hundreds_of_people_and_the_organisations_of_the_region()
    {
        var byType = Gazetteer.Entries.Values.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byType[EntityTypes.Person] >= 400, $"{byType[EntityTypes.Person]} people");
        Assert.True(byType[EntityTypes.Organization] >= 100);
        Assert.True(byType[EntityTypes.Place] >= 400);
        foreach (var (en, ru) in new[]
        {
            ("UN", "ООН"), ("CSTO", "ОДКБ"), ("EAEU", "ЕАЭС"), ("CIS", "СНГ"), ("SCO", "ШОС"), ("OSCE", "ОБСЕ"),
            ("NATO", "НАТО"), ("EU", "ЕС"), ("IAEA", "МАГАТЭ"), ("BRICS", "БРИКС"), ("EFSD", "ЕФСР"),
        })
            Assert.Contains(Gazetteer.Entries.Values, e => e.Type == EntityTypes.Organization && e.Names.All.Contains(en) && e.Names.All.Contains(ru));
    }

    [Fact]
    public void Ids_are_typed_and_every_entry_has_both_labels()
    {
        foreach (var entry in Gazetteer.Entries.Values)
        {
            Assert.Matches("^(person|organization|place):[a-z0-9-]+$", entry.Id);
            Assert.Equal(entry.Type, EntityTypes.OfId(entry.Id));
            Assert.False(string.IsNullOrWhiteSpace(entry.Label.En), entry.Id);
            Assert.False(string.IsNullOrWhiteSpace(entry.Label.Ru), entry.Id);
        }
    }

    [Theory]
    [InlineData("place:kyrgyzstan", "Kyrgyzstan Kirghizia Киргизия Кыргызстан", "Kyrgyz киргизский кыргызский")]
    [InlineData("place:russia", "Russia Россия", "Russian российский")]
    [InlineData("person:xi-jinping", "Xi Jinping", "")]
    [InlineData("person:sergey-lavrov", "Sergey Lavrov Сергей Лавров", "")]
    [InlineData("person:sadyr-japarov", "Sadyr Japarov Садыр Жапаров", "")]
    public void Entries_carry_their_variants_in_both_scripts(string id, string names, string adjectives)
    {
        var entry = Gazetteer.Find(id);
        Assert.NotNull(entry);
        var all = string.Join(' ', entry.Names.All.Concat(entry.Adjectives?.All ?? []).Concat(entry.Surnames?.All ?? []));
        foreach (var word in (names + " " + adjectives).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(word, all);
    }
}
