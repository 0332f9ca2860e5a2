// The search page: plain DOM, no build step. Statement text only ever reaches the page through textContent and text
// nodes, never as HTML, so nothing in a statement can inject markup or script.
"use strict";

const facetFields = [
  { field: "person", title: "People" },
  { field: "organization", title: "Organisations" },
  { field: "place", title: "Places" },
  { field: "source", title: "Sources" },
  { field: "timeline", title: "Years" },
];
const filterFields = ["person", "organization", "place", "source"];
const kindNames = { statement: "statement", "joint-statement": "joint statement", transcript: "transcript", news: "news" };

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
    // Translation across languages is on unless the address says crossLanguage=false.
    cross: params.get("crossLanguage") !== "false",
    filters: Object.fromEntries(filterFields.map((f) => [f, params.getAll(f)])),
  };
}

function stateParams(state) {
  const params = new URLSearchParams();
  for (const key of ["q", "lang", "from", "to", "sort"]) if (state[key]) params.set(key, state[key]);
  if (!state.cross) params.set("crossLanguage", "false");
  for (const field of filterFields) for (const value of state.filters[field]) params.append(field, value);
  return params;
}

function navigate(state) {
  const query = stateParams(state).toString();
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
  state.cross = $("cross").checked;
  return state;
}

function fillForm(state) {
  $("q").value = state.q;
  $("lang").value = state.lang;
  $("from").value = state.from;
  $("to").value = state.to;
  $("sort").value = state.sort;
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
  $("status").textContent = "Searching…";
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
    const partial = result.match === "partial" ? " Few statements have every word; the others follow, each saying which words it lacks." : "";
    $("status").textContent = result.total === 0
      ? `No statements match.${warning}`
      : `${result.total.toLocaleString("en")} statements; showing ${shown}.${partial}${warning}`;
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
  parts.push(kindNames[statement.kind] ?? statement.kind);
  parts.push(statement.lang === "ru" ? "Russian" : "English");
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
  box.append("Did you mean ", link, `? (${suggestion.total.toLocaleString("en")} statements)`);
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
    const missing = element("p", "missing", "Missing: ");
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

function sourceLink(url) {
  const link = element("a", "source", "Source");
  // Only web addresses become links.
  if (/^https?:\/\//i.test(url)) link.href = url;
  link.rel = "noopener noreferrer";
  link.target = "_blank";
  return link;
}

function renderFacets(facets, state) {
  const aside = $("facets");
  const active = $("active-filters");
  aside.replaceChildren(active);
  active.replaceChildren();
  for (const field of filterFields)
    for (const value of state.filters[field]) {
      const chip = element("button", null, `${value.replace(/^\w+:/, "")} ×`);
      chip.type = "button";
      chip.title = "Remove this filter";
      chip.addEventListener("click", () => toggleFilter(field, value));
      active.append(chip);
    }
  active.hidden = active.children.length === 0;

  for (const { field, title } of facetFields) {
    const values = facets[field];
    if (!values || values.length === 0) continue;
    const section = element("section", field === "timeline" ? "timeline" : "");
    section.append(element("h2", null, title));
    const list = element("ul");
    const shown = field === "timeline" ? [...values].reverse() : values;
    for (const value of shown) {
      const button = element("button");
      button.type = "button";
      // Timeline buckets are named by their first day (2020-01-01 for 2020).
      const year = value.value.slice(0, 4);
      const selected = field === "timeline" ? isYearSelected(state, year) : state.filters[field].includes(value.value);
      button.setAttribute("aria-pressed", String(selected));
      button.dataset.field = field;
      button.dataset.value = value.value;
      button.append(element("span", "name", value.label), element("span", "count", value.count.toLocaleString("en")));
      button.addEventListener("click", () => (field === "timeline" ? toggleYear(year) : toggleFilter(field, value.value)));
      const item = element("li");
      item.append(button);
      list.append(item);
    }
    section.append(list);
    aside.append(section);
  }
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

async function openDocument(id) {
  const dialog = $("document");
  try {
    const statement = await getJson(`/api/v1/documents/${encodeURIComponent(id)}`);
    $("document-title").textContent = statement.title;
    $("document-meta").textContent = metaLine(statement) + (statement.author ? ` · ${statement.author}` : "");
    const source = $("document-source");
    source.hidden = !statement.url || !/^https?:\/\//i.test(statement.url);
    if (!source.hidden) source.href = statement.url;
    const entities = $("document-entities");
    entities.replaceChildren(...statement.entities.map((e) => element("span", null, e.label)));
    $("document-text").replaceChildren(...statement.paragraphs.map((p) => element("p", null, p)));
    dialog.showModal();
    $("close-document").focus();
  } catch (error) {
    $("status").textContent = error.message;
  }
}

$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  navigate(formState());
});
for (const id of ["lang", "sort", "cross"]) $(id).addEventListener("change", () => navigate(formState()));
$("more").addEventListener("click", () => run(true));
$("close-document").addEventListener("click", () => $("document").close());
window.addEventListener("popstate", () => run());
document.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
  if (event.key === "/" && !typing && !$("document").open) {
    event.preventDefault();
    $("q").focus();
  }
});
run();
