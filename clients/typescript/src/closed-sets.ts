// A type test: values outside the API's closed sets must not compile. Each line marked @ts-expect-error must be an
// error, or tsc fails ("Unused '@ts-expect-error' directive"); the last call, with values inside the sets, must compile.
import { searchApi } from "./client";

export async function closedSets(): Promise<void> {
  // @ts-expect-error sort is relevance, date or -date
  await searchApi.GET("/api/v1/search", { params: { query: { sort: "newest" } } });
  // @ts-expect-error lang is en or ru
  await searchApi.GET("/api/v1/search", { params: { query: { lang: ["kz"] } } });
  // @ts-expect-error facet fields are a closed set (lang, source, kind, year, person, organization, place, timeline)
  await searchApi.GET("/api/v1/search", { params: { query: { facet: ["persons"] } } });
  // @ts-expect-error interval is day, week, month or year
  await searchApi.GET("/api/v1/facets", { params: { query: { interval: "decade" } } });
  // @ts-expect-error match is most or all
  await searchApi.GET("/api/v1/search", { params: { query: { match: "any" } } });
  // @ts-expect-error kind is statement, joint-statement, transcript or news
  await searchApi.GET("/api/v1/search/feed.atom", { params: { query: { kind: ["tweet"] } } });
  await searchApi.GET("/api/v1/search", {
    params: { query: { sort: "-date", lang: ["ru"], kind: ["news"], facet: ["person", "timeline"], interval: "year", match: "all" } },
  });
}
