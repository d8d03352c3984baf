/**
 * `npm run kb:check`: validates the whole knowledge base, prints entries per kind and
 * every problem, and exits non-zero if there is any problem. Unchanged files come from the
 * snapshot cache (KNOWLEDGE_CACHE_DIR), validated by the same code.
 */
import { loadConfig } from "../config.js";
import { countByKind, formatProblem, readKnowledge } from "./loader.js";

try {
  const config = await loadConfig();
  const result = await readKnowledge(config.knowledgeDir, { cacheDir: config.knowledgeCacheDir });
  const counts = countByKind(result.entries);

  console.log(`Knowledge base: ${config.knowledgeDir}`);
  console.log(`${result.fileCount} files, ${result.entries.length} valid entries`);
  for (const [kind, count] of Object.entries(counts)) console.log(`  ${kind.padEnd(12)} ${count}`);
  if (result.problems.length === 0) {
    console.log("No problems found.");
  } else {
    console.log(`\n${result.problems.length} problem(s):`);
    for (const problem of result.problems) console.log(`  ${formatProblem(problem)}`);
    process.exitCode = 1;
  }
} catch (error) {
  // The loader reports every file's failure as a problem; this is anything else, said in one line.
  console.error(`kb:check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
