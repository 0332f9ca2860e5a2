using SearchApi.Core.Entities;

namespace SearchApi.Tests.Entities;

public sealed class ParadigmTests
{
    [Theory]
    [InlineData("лавров", "лаврова лаврову лавровым лаврове лавровы лавровых")]
    [InlineData("захарова", "захаровой захарову")]
    [InlineData("казакбаев", "казакбаева казакбаевым")]
    [InlineData("киргизия", "киргизии киргизию киргизией")]
    [InlineData("кыргызстан", "кыргызстана кыргызстане кыргызстаном")]
    [InlineData("вьетнам", "вьетнама вьетнаме вьетнамом")]
    [InlineData("соединенные", "соединенных соединенным")]
    [InlineData("штаты", "штатов штатам штатах")]
    [InlineData("северная", "северной северную")]
    [InlineData("корея", "кореи корее корею кореей")]
    [InlineData("москва", "москвы москве москву москвой")]
    [InlineData("сергей", "сергея сергею сергеем")]
    [InlineData("дмитрий", "дмитрия дмитрием")]
    [InlineData("российский", "российского российской российские российских")]
    [InlineData("египет", "египта египте египтом")]
    [InlineData("кремль", "кремля кремлю кремлем кремле")]
    public void A_nominative_name_yields_its_case_forms(string nominative, string forms)
    {
        var paradigm = RussianParadigm.Forms(nominative);
        foreach (var form in forms.Split(' ')) Assert.Contains(form, paradigm);
    }

    [Theory]
    [InlineData("нигер", "нигерия нигерии")]
    [InlineData("нигерия", "нигер нигера")]
    [InlineData("мали", "мало малы")]
    [InlineData("сана", "сан")]
    [InlineData("токио", "токиа")]
    public void Forms_of_one_name_do_not_include_another(string nominative, string others)
    {
        var paradigm = RussianParadigm.Forms(nominative);
        foreach (var other in others.Split(' ')) Assert.DoesNotContain(other, paradigm);
    }
}
