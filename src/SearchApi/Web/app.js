// The search page: plain DOM, no build step. Statement text only ever reaches the page through textContent and text
// nodes, never as HTML, so nothing in a statement can inject markup or script.
"use strict";

const facetFields = [
  { field: "person", title: "people" },
  { field: "organization", title: "organisations" },
  { field: "place", title: "places" },
  { field: "source", title: "sources" },
  { field: "timeline", title: "years" },
];
const filterFields = ["person", "organization", "place", "source"];
// The names of filter values as the last facet counts gave them, so a chosen filter shows "Sergey Lavrov", not its id.
const filterLabels = {};
const entityFields = { person: "person", organization: "organization", place: "place" };

const $ = (id) => document.getElementById(id);
let nextCursor = null;
let lastHitsUrl = null;

// The page's state lives in its address, so a search can be bookmarked, shared and navigated with Back.
function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get("q") ?? "",
    lang: params.get("lang") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    sort: params.get("sort") ?? "",
    kind: params.get("kind") ?? "",
    // The statement open over the results, so that it has an address of its own and Back closes it.
    id: params.get("id") ?? "",
    // Translation across languages is on unless the address says crossLanguage=false.
    cross: params.get("crossLanguage") !== "false",
    filters: Object.fromEntries(filterFields.map((f) => [f, params.getAll(f)])),
  };
}

function stateParams(state) {
  const params = new URLSearchParams();
  for (const key of ["q", "lang", "kind", "from", "to", "sort"]) if (state[key]) params.set(key, state[key]);
  if (!state.cross) params.set("crossLanguage", "false");
  for (const field of filterFields) for (const value of state.filters[field]) params.append(field, value);
  return params;
}

function navigate(state) {
  const params = stateParams(state);
  if (state.id) params.set("id", state.id);
  const query = params.toString();
  history.pushState(null, "", query ? `/?${query}` : "/");
  run();
}

function formState() {
  const state = readState();
  state.q = $("q").value.trim();
  state.lang = $("lang").value;
  state.from = $("from").value;
  state.to = $("to").value;
  state.sort = $("sort").value;
  state.kind = $("kind").value;
  state.cross = $("cross").checked;
  state.id = "";
  return state;
}

function fillForm(state) {
  $("q").value = state.q;
  $("lang").value = state.lang;
  $("from").value = state.from;
  $("to").value = state.to;
  $("sort").value = state.sort;
  $("kind").value = state.kind;
  $("cross").checked = state.cross;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    throw new Error(detail || `The service answered ${response.status}.`);
  }
  return body;
}

async function run(append = false) {
  const state = readState();
  fillForm(state);
  const params = stateParams(state);
  params.set("limit", "10");
  if (!append) {
    for (const { field } of facetFields) params.append("facet", field);
    params.set("interval", "year");
    params.set("facetSize", "12");
  } else if (nextCursor) {
    params.set("cursor", nextCursor);
  }
  const url = `/api/v1/search?${params}`;
  // The same search as a feed of its newest matches, for a feed reader (its order is always newest first).
  const feed = stateParams(state);
  feed.delete("sort");
  $("subscribe").href = `/api/v1/search/feed.atom${feed.size ? `?${feed}` : ""}`;
  // Every match of the same search, in the page's order.
  const exported = stateParams(state);
  $("export-ndjson").href = `/api/v1/search/export${exported.size ? `?${exported}` : ""}`;
  exported.set("format", "csv");
  $("export-csv").href = `/api/v1/search/export?${exported}`;
  showDocument(state.id);
  $("status").textContent = t("searching");
  $("hits").setAttribute("aria-busy", "true");
  try {
    const result = await getJson(url);
    if (!append) {
      $("hits").replaceChildren();
      renderFacets(result.facets ?? {}, state);
    }
    lastHitsUrl = url;
    for (const hit of result.hits) $("hits").append(renderHit(hit));
    nextCursor = result.nextCursor;
    $("more").hidden = !nextCursor;
    const shown = $("hits").children.length;
    const warning = result.queryWarning ? ` ${result.queryWarning}` : "";
    // A partial answer says so: the statements with every word come first, the others list what they miss.
    const partial = result.match === "partial" ? ` ${t("partial")}` : "";
    $("status").textContent = result.total === 0
      ? `${t("noMatch")}${warning}`
      : `${result.total.toLocaleString("en")} ${result.total === 1 ? t("statement") : t("statementsWord")}; ${t("showing")} ${shown}.${partial}${warning}`;
    if (!append) {
      renderSuggestion(result.languageSuggestion, state);
      renderDidYouMean(result.suggestion, state);
    }
  } catch (error) {
    $("status").textContent = error.message;
  } finally {
    $("hits").setAttribute("aria-busy", "false");
  }
}

// Text with the given [start, start+length) ranges wrapped in <mark>, built from text nodes.
function markedText(text, highlights) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const { start, length } of [...(highlights ?? [])].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    fragment.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, start + length);
    fragment.append(mark);
    at = start + length;
  }
  fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function metaLine(statement) {
  const parts = [];
  if (statement.date) parts.push(statement.datePrecision === "inferred" ? `${statement.date} (inferred)` : statement.date);
  if (statement.source) parts.push(statement.source);
  parts.push(t("kindName")[statement.kind] ?? statement.kind);
  parts.push(t("langName")[statement.lang] ?? statement.lang);
  return parts.join(" · ");
}

// The offer to look in the other language when this one has few statements: "0 English statements match; 209
// Russian statements do, in translation." with a button that switches the language (and turns translation on).
function renderSuggestion(suggestion, state) {
  const box = $("suggestion");
  box.replaceChildren();
  box.hidden = !suggestion;
  if (!suggestion) return;
  const name = suggestion.lang === "ru" ? "Russian" : "English";
  const show = element("button", null, `Show the ${suggestion.total.toLocaleString("en")} ${name} statements`);
  show.type = "button";
  show.addEventListener("click", () => navigate({ ...state, lang: suggestion.lang, cross: true }));
  box.append(element("span", null, `${suggestion.message} `), show);
}

// "Did you mean": a corrected query that finds many more statements, as a link that runs it.
function renderDidYouMean(suggestion, state) {
  const box = $("did-you-mean");
  box.replaceChildren();
  box.hidden = !suggestion;
  if (!suggestion) return;
  const link = element("a", null, suggestion.q);
  link.href = `/?${stateParams({ ...state, q: suggestion.q })}`;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    navigate({ ...state, q: suggestion.q });
  });
  box.append(t("didYouMean"), link, `? (${suggestion.total.toLocaleString("en")} ${t("statementsWord")})`);
}

function renderHit(hit) {
  const item = element("li", "hit");
  const heading = element("h3");
  const open = element("button");
  open.type = "button";
  open.append(markedText(hit.title, hit.titleHighlights));
  open.addEventListener("click", () => openDocument(hit.id));
  heading.append(open);
  const meta = element("p", "meta", metaLine(hit));
  // A statement found only through a translation of the query says so: its marked words are the translation's.
  if (hit.matchedBy.includes("translation")) {
    const badge = element("span", "badge translated", hit.lang === "ru" ? "translated: Russian" : "translated: English");
    badge.title = "Found through a translation of your words into the statement's language";
    meta.append(" ", badge);
  }
  item.append(heading, meta);
  if (hit.missingWords && hit.missingWords.length > 0) {
    const missing = element("p", "missing", t("missing"));
    for (const word of hit.missingWords) missing.append(element("s", null, word), " ");
    item.append(missing);
  }
  for (const snippet of hit.snippets) {
    const paragraph = element("p", "snippet");
    paragraph.append(markedText(snippet.text, snippet.highlights));
    item.append(paragraph);
  }
  if (hit.url) item.append(sourceLink(hit.url));
  return item;
}

async function showSimilar(id) {
  const section = $("similar");
  section.hidden = true;
  try {
    const similar = await getJson(`/api/v1/documents/${encodeURIComponent(id)}/similar?limit=5`);
    $("similar-list").replaceChildren(...similar.hits.map((hit) => {
      const item = element("li");
      const open = element("button", "link", hit.title);
      open.type = "button";
      open.addEventListener("click", () => openDocument(hit.id));
      item.append(open, " ", element("span", "meta", metaLine(hit)));
      return item;
    }));
    section.hidden = similar.hits.length === 0;
  } catch {
    // Similar statements are a help, not the answer: without them the statement still shows.
  }
}

function sourceLink(url) {
  const link = element("a", "source", t("source"));
  // Only web addresses become links.
  if (/^https?:\/\//i.test(url)) link.href = url;
  link.rel = "noopener noreferrer";
  link.target = "_blank";
  return link;
}

function renderFacets(facets, state) {
  for (const values of Object.values(facets)) for (const value of values) filterLabels[value.value] = value.labels?.[ui] || value.label;
  const aside = $("facets");
  const active = $("active-filters");
  aside.replaceChildren(active);
  active.replaceChildren();
  for (const field of filterFields)
    for (const value of state.filters[field]) {
      const chip = element("button", null, `${filterLabels[value] ?? value.replace(/^\w+:/, "")} ×`);
      chip.type = "button";
      chip.title = t("removeFilter");
      chip.addEventListener("click", () => toggleFilter(field, value));
      active.append(chip);
    }
  active.hidden = active.children.length === 0;

  for (const { field, title } of facetFields) {
    const values = facets[field];
    if (!values || values.length === 0) continue;
    const section = element("section", field === "timeline" ? "timeline" : "");
    section.append(element("h2", null, t(title)));
    const list = element("ul");
    if (field === "timeline") section.append(timelineChart(values, state));
    // Years newest first, and only those with statements (the API lists empty years too, for charts).
    const shown = field === "timeline" ? [...values].reverse().filter((v) => v.count > 0) : values;
    for (const value of shown) {
      const button = element("button");
      button.type = "button";
      // Timeline buckets are named by their first day (2020-01-01 for 2020).
      const year = value.value.slice(0, 4);
      const selected = field === "timeline" ? isYearSelected(state, year) : state.filters[field].includes(value.value);
      button.setAttribute("aria-pressed", String(selected));
      button.dataset.field = field;
      button.dataset.value = value.value;
      // Names in the interface's language where the API gives both.
      button.append(element("span", "name", value.labels?.[ui] || value.label), element("span", "count", value.count.toLocaleString("en")));
      button.addEventListener("click", () => (field === "timeline" ? toggleYear(year) : toggleFilter(field, value.value)));
      const item = element("li");
      item.append(button);
      list.append(item);
    }
    section.append(list);
    aside.append(section);
  }
}

// The results over time as SVG bars, one per year (empty years included, as the API gives them); a bar narrows the
// dates to its year. Built with createElementNS, never from markup.
function timelineChart(values, state) {
  const svgNs = "http://www.w3.org/2000/svg";
  const width = 240, height = 64, gap = 1;
  const max = Math.max(1, ...values.map((v) => v.count));
  const bar = Math.max(2, Math.floor(width / Math.max(1, values.length)) - gap);
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("class", "timeline-chart");
  svg.setAttribute("viewBox", `0 0 ${values.length * (bar + gap)} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Statements per year, ${values[0]?.label ?? ""} to ${values[values.length - 1]?.label ?? ""}`);
  values.forEach((value, i) => {
    const year = value.value.slice(0, 4);
    const h = value.count === 0 ? 0 : Math.max(2, Math.round((value.count / max) * (height - 2)));
    const rect = document.createElementNS(svgNs, "rect");
    rect.setAttribute("x", String(i * (bar + gap)));
    rect.setAttribute("y", String(height - h));
    rect.setAttribute("width", String(bar));
    rect.setAttribute("height", String(h));
    rect.setAttribute("class", isYearSelected(state, year) ? "selected" : "");
    rect.dataset.year = year;
    const title = document.createElementNS(svgNs, "title");
    title.textContent = `${value.label}: ${value.count.toLocaleString("en")}`;
    rect.append(title);
    if (value.count > 0) rect.addEventListener("click", () => toggleYear(year));
    svg.append(rect);
  });
  return svg;
}

function toggleFilter(field, value) {
  const state = readState();
  const values = state.filters[field];
  state.filters[field] = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  navigate(state);
}

const isYearSelected = (state, year) => state.from === `${year}-01-01` && state.to === `${year}-12-31`;

function toggleYear(year) {
  const state = readState();
  const selected = isYearSelected(state, year);
  state.from = selected ? "" : `${year}-01-01`;
  state.to = selected ? "" : `${year}-12-31`;
  navigate(state);
}

// Opening a statement gives it an address (?id=…): it can be shared, and Back closes it.
function openDocument(id) {
  const state = readState();
  state.id = id;
  const params = stateParams(state);
  params.set("id", id);
  history.pushState(null, "", `/?${params}`);
  showDocument(id);
}

function closeDocument() {
  if (readState().id) history.back();
  else $("document").close();
}

async function showDocument(id) {
  const dialog = $("document");
  if (!id) {
    if (dialog.open) dialog.close();
    return;
  }
  try {
    const statement = await getJson(`/api/v1/documents/${encodeURIComponent(id)}`);
    $("document-title").textContent = statement.title;
    $("document-meta").textContent = metaLine(statement) + (statement.author ? ` · ${statement.author}` : "");
    const source = $("document-source");
    source.hidden = !statement.url || !/^https?:\/\//i.test(statement.url);
    if (!source.hidden) source.href = statement.url;
    // Each person, organisation and place it names searches by that entity.
    const entities = $("document-entities");
    entities.replaceChildren(...statement.entities.filter((e) => entityFields[e.type]).map((e) => {
      const chip = element("button", "entity", e.label);
      chip.type = "button";
      chip.title = `Show statements that name ${e.label}`;
      filterLabels[e.id] = e.label;
      chip.addEventListener("click", () => {
        const state = readState();
        state.id = "";
        if (!state.filters[e.type].includes(e.id)) state.filters[e.type] = [...state.filters[e.type], e.id];
        dialog.close();
        navigate(state);
      });
      return chip;
    }));
    // The search's words marked in the whole text: offsets into the paragraphs joined by two line breaks.
    const q = readState().q;
    const marks = q
      ? await getJson(`/api/v1/documents/${encodeURIComponent(id)}/marks?q=${encodeURIComponent(q)}${readState().cross ? "" : "&crossLanguage=false"}`).catch(() => null)
      : null;
    let offset = 0;
    $("document-text").replaceChildren(...statement.paragraphs.map((text) => {
      const from = offset;
      offset += text.length + 2;
      const inside = (marks?.text ?? [])
        .filter((h) => h.start >= from && h.start + h.length <= from + text.length)
        .map((h) => ({ start: h.start - from, length: h.length }));
      const paragraph = element("p");
      paragraph.append(markedText(text, inside));
      return paragraph;
    }));
    $("document-title").replaceChildren(markedText(statement.title, marks?.title ?? []));
    if (!dialog.open) dialog.showModal();
    $("close-document").focus();
    showSimilar(id);
  } catch (error) {
    $("status").textContent = error.message;
  }
}

// Suggestions as you type: people, organisations and places whose names begin with the word being typed (the
// facet-value endpoint); choosing one searches by that entity instead of the word.
let suggestTimer = 0;
let suggestFor = "";
async function suggest() {
  const typed = $("q").value;
  const word = typed.split(/\s+/).pop() ?? "";
  const list = $("suggestions");
  if (word.length < 3 || /["*():]/.test(word)) {
    list.hidden = true;
    return;
  }
  suggestFor = typed;
  const found = [];
  for (const field of Object.keys(entityFields)) {
    try {
      const answer = await getJson(`/api/v1/facets/${field}/values?prefix=${encodeURIComponent(word)}&size=3`);
      for (const value of answer.values) found.push({ field, ...value });
    } catch {
      // A suggestion is a help: without one the search still works.
    }
  }
  if (suggestFor !== $("q").value) return; // typed on meanwhile
  list.replaceChildren(...found.sort((a, b) => b.count - a.count).slice(0, 6).map((value) => {
    const item = element("li");
    item.setAttribute("role", "option");
    const choose = element("button", "link", value.label);
    choose.type = "button";
    choose.append(" ", element("span", "meta", `${value.field} · ${value.count.toLocaleString("en")}`));
    choose.addEventListener("click", () => {
      const state = formState();
      state.q = typed.slice(0, typed.length - word.length).trim();
      filterLabels[value.value] = value.label;
      if (!state.filters[value.field].includes(value.value)) state.filters[value.field] = [...state.filters[value.field], value.value];
      list.hidden = true;
      navigate(state);
    });
    item.append(choose);
    return item;
  }));
  list.hidden = found.length === 0;
}
$("q").addEventListener("input", () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(suggest, 200);
});
$("q").addEventListener("keydown", (event) => {
  if (event.key === "Escape") $("suggestions").hidden = true;
});

$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  $("suggestions").hidden = true;
  navigate(formState());
});
for (const id of ["lang", "kind", "sort", "cross"]) $(id).addEventListener("change", () => navigate(formState()));
$("more").addEventListener("click", () => run(true));
$("close-document").addEventListener("click", closeDocument);
// Escape closes the dialog by itself; the address follows.
$("document").addEventListener("cancel", (event) => {
  event.preventDefault();
  closeDocument();
});
window.addEventListener("popstate", () => run());
// The interface's language: English or Russian, kept for the next visit; the results are asked for again so that
// facet names follow.
const englishHelp = [...$("syntax-help").childNodes].map((node) => node.cloneNode(true));
function showInterface() {
  applyTexts();
  $("ui-switch").textContent = t("interface");
  $("ui-switch").lang = ui === "ru" ? "en" : "ru";
  // The English help has its examples marked up; the Russian one is plain text.
  if (ui === "ru") $("syntax-help").textContent = t("help");
  else $("syntax-help").replaceChildren(...englishHelp.map((node) => node.cloneNode(true)));
}
$("ui-switch").addEventListener("click", () => {
  ui = ui === "ru" ? "en" : "ru";
  localStorage.setItem("searchapi.ui", ui);
  showInterface();
  run();
});
showInterface();
document.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
  if (event.key === "/" && !typing && !$("document").open) {
    event.preventDefault();
    $("q").focus();
  }
});
run();
