using SearchApi.Core.Entities;
using SearchApi.Core.Statements;

namespace SearchApi.Tests.Entities;

public sealed class EntityLinkerTests
{
    private readonly EntityLinker _linker = new(Gazetteer.Embedded);

    private List<(string Id, string Text)> Mentions(string text) =>
        _linker.Link("", text).SelectMany(e => e.Mentions.Select(m => (e.Id, text.Substring(m.Start, m.Length)))).OrderBy(m => text.IndexOf(m.Item2, StringComparison.Ordinal)).ToList();

    [Fact]
    public void Finds_names_in_any_Russian_case()
    {
        var mentions = Mentions("Казакбаев встретился с Генсекретарем ОДКБ Станиславом Засем. Глава МИД Киргизии поблагодарил Казакбаевым… в ОДКБ.");
        Assert.Contains(("person:ruslan-kazakbaev", "Казакбаев"), mentions);
        Assert.Contains(("person:ruslan-kazakbaev", "Казакбаевым"), mentions);
        Assert.Contains(("place:kyrgyzstan", "Киргизии"), mentions);
        Assert.Equal(2, mentions.Count(m => m.Id == "organization:csto"));
        Assert.Contains(("person:stanislav-zas", "Станиславом Засем"), mentions);
    }

    [Fact]
    public void Links_English_and_Russian_names_to_one_entity()
    {
        Assert.Contains(Mentions("the Collective Security Treaty Organization met"), m => m.Id == "organization:csto");
        Assert.Contains(Mentions("Организации Договора о коллективной безопасности"), m => m.Id == "organization:csto");
        Assert.Contains(Mentions("Sergei Lavrov and S.N.Zhaparov"), m => m == ("person:sadyr-japarov", "Zhaparov"));
        Assert.Contains(Mentions("Соединённых Штатов и Северной Кореи"), m => m == ("place:united-states", "Соединённых Штатов"));
    }

    [Fact]
    public void Keeps_names_a_stemmer_would_merge_apart()
    {
        Assert.Equal(["place:niger"], Mentions("в Нигере").Select(m => m.Id));
        Assert.Equal(["place:nigeria"], Mentions("в Нигерии").Select(m => m.Id));
        Assert.Empty(Mentions("Мало кто знает об этом."));
    }

    [Fact]
    public void Abbreviations_in_capitals_match_only_in_capitals()
    {
        Assert.Contains(Mentions("talks with the US and the UN"), m => m.Id == "place:united-states");
        Assert.DoesNotContain(Mentions("let us meet the press"), m => m.Id == "place:united-states");
    }

    [Fact]
    public void A_shared_surname_goes_to_the_person_named_in_full_else_to_the_primary_one()
    {
        Assert.Contains(("person:heydar-aliyev", "Aliyev"), Mentions("Heydar Aliyev ruled until 2003. Aliyev was succeeded by his son."));
        Assert.Contains(("person:ilham-aliyev", "Aliyev"), Mentions("President Aliyev said."));
    }

    [Fact]
    public void A_surname_beside_another_given_name_belongs_to_someone_else()
    {
        Assert.DoesNotContain(Mentions("Основатель Microsoft Билл Гейтс заявил. Гейтс добавил."), m => m.Id.StartsWith("person:", StringComparison.Ordinal));
        Assert.Contains(("person:sergey-lavrov", "Лавров"), Mentions("Министр Лавров заявил."));
        Assert.Contains(("person:sergey-lavrov", "Лавров"), Mentions("Лавров Сергей Викторович заявил."));
    }

    [Fact]
    public void Statement_entities_carry_labels_in_both_languages_and_every_mention()
    {
        var entities = _linker.Link("Lavrov in Bishkek", "Sergey Lavrov arrived in Bishkek. Lavrov met Japarov.");
        var lavrov = Assert.Single(entities, e => e.Id == "person:sergey-lavrov");
        Assert.Equal(EntityTypes.Person, lavrov.Type);
        Assert.Equal("Сергей Лавров", lavrov.Labels.Ru);
        Assert.Equal(3, lavrov.Mentions.Count);
        Assert.Equal(EntityMention.InTitle, lavrov.Mentions[0].Field);
        Assert.Equal("person:sergey-lavrov", entities[0].Id);
    }

    [Fact]
    public void Queries_are_linked_in_any_case()
    {
        Assert.Equal("organization:csto", Assert.Single(_linker.LinkQuery("csto")).EntityId);
        Assert.Equal("person:sadyr-japarov", Assert.Single(_linker.LinkQuery("жапаров")).EntityId);
        Assert.Empty(_linker.LinkQuery("us"));
    }
}
