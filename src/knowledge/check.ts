/**
 * `npm run kb:check`: validates the whole knowledge base, prints entries per kind and
 * every problem, and exits non-zero if there is any problem.
 */
import { loadConfig } from "../config.js";
import { countByKind, formatProblem, readKnowledge } from "./loader.js";

const config = await loadConfig();
const result = await readKnowledge(config.knowledgeDir);
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
