/** The public labelled search queries (test/knowledge/search-cases.yaml), shared by tests and the benchmark. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { PROJECT_ROOT } from "../../src/config.js";

export const SEARCH_CASES_FILE = path.join(PROJECT_ROOT, "test", "knowledge", "search-cases.yaml");

/** `expect` is an entry id, or `none` for a question that must get no confident entry. */
export const SearchCasesSchema = z.array(z.object({ query: z.string(), expect: z.string() }).strict());
export type SearchCase = z.infer<typeof SearchCasesSchema>[number];
export const OUT_OF_DOMAIN = "none";

export async function loadSearchCases(): Promise<SearchCase[]> {
  return SearchCasesSchema.parse(parse(await readFile(SEARCH_CASES_FILE, "utf8")));
}
