// A typed client as a frontend would write it: types generated from the OpenAPI document, requests by openapi-fetch.
// CI type-checks this file, so a change to the API that would break such a client breaks the build first.
import createClient from "openapi-fetch";
import type { components, paths } from "./searchapi";

export type SearchHit = components["schemas"]["SearchHitResponse"];
export type FacetValue = components["schemas"]["FacetValueResponse"];

export const searchApi = createClient<paths>({ baseUrl: "http://localhost:5000" });

/** One page of hits for a query in English or Russian, with the people facet; the cursor continues a walk. */
export async function searchPage(q: string, cursor?: string): Promise<{ hits: SearchHit[]; people: FacetValue[]; next: string | null }> {
  const { data, error } = await searchApi.GET("/api/v1/search", {
    params: { query: { q, lang: ["en", "ru"], limit: 20, facet: ["person"], cursor } },
  });
  if (error) throw new Error(`${error.code}: ${error.detail}`);
  return { hits: data.hits, people: data.facets?.["person"] ?? [], next: data.nextCursor ?? null };
}

/** The marked words of a snippet, as a frontend would wrap them in <mark>. */
export function markedWords(hit: SearchHit): string[] {
  return hit.snippets.flatMap((snippet) => snippet.highlights.map((h) => snippet.text.slice(h.start, h.start + h.length)));
}

/** A whole statement, with its entities in both languages. */
export async function statement(id: string) {
  const { data, error } = await searchApi.GET("/api/v1/documents/{id}", { params: { path: { id } } });
  if (error) throw new Error(error.detail ?? error.title ?? "error");
  return { title: data.title, paragraphs: data.paragraphs, people: data.entities.filter((e) => e.type === "person").map((e) => e.labels.ru) };
}

/** Autocomplete over facet values: "лав" finds Sergey Lavrov. */
export async function suggestPeople(prefix: string): Promise<string[]> {
  const { data } = await searchApi.GET("/api/v1/facets/{field}/values", { params: { path: { field: "person" }, query: { prefix } } });
  return (data?.values ?? []).map((v) => `${v.label} (${v.count})`);
}
