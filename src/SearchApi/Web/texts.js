// The page's words in English and Russian. The page shows them by data-text attributes (text) and data-placeholder
// (placeholders); app.js asks for the rest with t(). Statement text never passes through here.
"use strict";

const texts = {
  en: {
    tagline: "diplomatic statements in English and Russian",
    search: "Search", language: "Language", bothLanguages: "English and Russian", english: "English", russian: "Russian / русский",
    kind: "Kind", everyKind: "Every kind", statements: "Statements", jointStatements: "Joint statements", transcripts: "Transcripts", newsKind: "News",
    from: "From", to: "To", order: "Order", bestMatch: "Best match", newest: "Newest first", oldest: "Oldest first",
    alsoInTranslation: "Also in translation", go: "Search", more: "More results",
    subscribe: "Subscribe to new matches (Atom feed)", exportAll: "Export every match:", readAtSource: "Read at the source",
    similar: "Similar statements", close: "Close", narrow: "Narrow the results",
    people: "People", organisations: "Organisations", places: "Places", sources: "Sources", years: "Years",
    searching: "Searching…", noMatch: "No statements match.", statement: "statement", statementsWord: "statements", showing: "showing",
    partial: "Few statements have every word; the others follow, each saying which words it lacks.",
    missing: "Missing: ", didYouMean: "Did you mean ", source: "Source", removeFilter: "Remove this filter",
    langName: { en: "English", ru: "Russian" },
    kindName: { statement: "statement", "joint-statement": "joint statement", transcript: "transcript", news: "news" },
    interface: "Русский",
    help: "Words match in any form and either language — sanctions also finds «санкции»; words such as the, what or о need not appear; when few statements have every word, those with the most follow, and a small typo is forgiven. Also: \"exact phrase\", OR, -exclude, prefix*, title:word.",
  },
  ru: {
    tagline: "дипломатические заявления на английском и русском",
    search: "Поиск", language: "Язык", bothLanguages: "Английский и русский", english: "Английский / English", russian: "Русский",
    kind: "Вид", everyKind: "Все виды", statements: "Заявления", jointStatements: "Совместные заявления", transcripts: "Стенограммы", newsKind: "Новости",
    from: "С", to: "По", order: "Порядок", bestMatch: "Сначала лучшие", newest: "Сначала новые", oldest: "Сначала старые",
    alsoInTranslation: "Искать и в переводе", go: "Найти", more: "Ещё",
    subscribe: "Подписаться на новые (лента Atom)", exportAll: "Выгрузить всё найденное:", readAtSource: "Читать в источнике",
    similar: "Похожие заявления", close: "Закрыть", narrow: "Уточнить поиск",
    people: "Люди", organisations: "Организации", places: "Места", sources: "Источники", years: "Годы",
    searching: "Поиск…", noMatch: "Ничего не найдено.", statement: "заявление", statementsWord: "заявлений", showing: "показано",
    partial: "Все слова есть лишь в немногих заявлениях; дальше идут те, где есть не все, и у каждого сказано, каких слов нет.",
    missing: "Нет слов: ", didYouMean: "Возможно, вы имели в виду ", source: "Источник", removeFilter: "Снять фильтр",
    langName: { en: "английский", ru: "русский" },
    kindName: { statement: "заявление", "joint-statement": "совместное заявление", transcript: "стенограмма", news: "новость" },
    interface: "English",
    help: "Слова ищутся в любой форме и на обоих языках — «санкции» находит и sanctions; служебные слова (the, what, о) необязательны; если все слова есть в немногих заявлениях, следом идут те, где их больше, а мелкие опечатки прощаются. Ещё: \"точная фраза\", OR, -исключить, начало*, title:слово.",
  },
};

// The interface language: ?ui=ru in the address, else the one chosen before, else the browser's.
function interfaceLanguage() {
  const asked = new URLSearchParams(location.search).get("ui");
  if (asked === "en" || asked === "ru") return asked;
  const kept = localStorage.getItem("searchapi.ui");
  if (kept === "en" || kept === "ru") return kept;
  return (navigator.language || "en").toLowerCase().startsWith("ru") ? "ru" : "en";
}

let ui = interfaceLanguage();
const t = (key) => texts[ui][key] ?? texts.en[key] ?? key;

function applyTexts() {
  document.documentElement.lang = ui;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll("[data-placeholder]")) node.placeholder = t(node.dataset.placeholder);
  for (const node of document.querySelectorAll("[data-label]")) node.setAttribute("aria-label", t(node.dataset.label));
}
