/**
 * `npm run kb:import -- <file.csv|file.json> [--kind partnership] [--dry-run] [--force]`:
 * turns rows into entry files in the knowledge folder (KNOWLEDGE_DIR). Only rows that pass the
 * schema and the link checks are written; an existing file is kept unless --force. The report
 * lists what was written, each skipped row with the field and the reason, names already used
 * by other entries, and files that already exist.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { loadConfig } from "../config.js";
import { planImport, type ImportReport, type Row } from "./import-rows.js";
import { displayPath } from "./problems.js";
import { KINDS, type Kind } from "./schema.js";

/** Largest file imported at once: far above any real list, far below what would exhaust memory. */
export const MAX_IMPORT_BYTES = 50 * 2 ** 20;

const USAGE = `Usage: npm run kb:import -- <file.csv|file.json> [--kind ${KINDS.join("|")}] [--dry-run] [--force]
Columns: title, description, aliases (separated by ;), sdgs, one column per sector (governments,
private sector, civil society…), lead entity, founding year, source title/publisher/year/url, as of…`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArguments(argv: readonly string[]) {
  const options = { file: "", kind: "partnership" as Kind, dryRun: false, force: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === "--dry-run") options.dryRun = true;
    else if (argument === "--force") options.force = true;
    else if (argument === "--kind") {
      const kind = argv[++index] ?? "";
      if (!KINDS.includes(kind as Kind)) fail(`--kind must be one of ${KINDS.join(", ")}.\n${USAGE}`);
      options.kind = kind as Kind;
    } else if (argument.startsWith("--") || options.file) fail(USAGE);
    else options.file = argument;
  }
  if (!options.file) fail(USAGE);
  return options;
}

async function readRows(file: string): Promise<Row[]> {
  const size = (await stat(file).catch(() => fail(`${file}: no such file.`))).size;
  if (size > MAX_IMPORT_BYTES) fail(`${file} is ${Math.round(size / 2 ** 20)} MB; import at most ${MAX_IMPORT_BYTES / 2 ** 20} MB at a time.`);
  const text = await readFile(file, "utf8");
  try {
    if (file.toLowerCase().endsWith(".json")) {
      const data = JSON.parse(text) as unknown;
      if (!Array.isArray(data) || data.some((row) => typeof row !== "object" || row === null || Array.isArray(row))) {
        fail(`${file}: expected a JSON array of objects, one per entry.`);
      }
      return data as Row[];
    }
    return parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Row[];
  } catch (error) {
    return fail(`${file}: cannot be read as ${file.endsWith(".json") ? "JSON" : "CSV"}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

function printReport(report: ImportReport, dryRun: boolean): void {
  const lines: string[] = [];
  for (const item of report.written) lines.push(`  ${dryRun ? "would write" : "written"}  ${displayPath(item.file)}${item.overwrites ? " (overwritten)" : ""}  (row ${item.row})`);
  for (const item of report.skipped) lines.push(`  skipped  row ${item.row} "${item.title}": ${item.field ? `${item.field}: ` : ""}${item.reason}`);
  for (const item of report.duplicates) lines.push(`  duplicate  row ${item.row} "${item.title}": the name "${item.name}" is already used by ${item.owner}`);
  for (const item of report.existing) lines.push(`  exists  row ${item.row}: ${item.file} is already there (--force to overwrite)`);
  if (report.ignoredColumns.length > 0) lines.push(`  ignored columns (no such field): ${report.ignoredColumns.join(", ")}`);
  const skippedRows = new Set(report.skipped.map((item) => item.row)).size;
  lines.push(
    `${report.written.length} ${dryRun ? "to write" : "written"}, ${skippedRows} skipped, ${report.duplicates.length} duplicate(s), ${report.existing.length} already there.`,
  );
  if (!dryRun && report.written.length > 0) lines.push("Run npm run kb:check to check the whole knowledge base.");
  process.stdout.write(`${lines.join("\n")}\n`);
}

const options = parseArguments(process.argv.slice(2));
const config = await loadConfig();
const rows = await readRows(options.file);
const report = await planImport(rows, { kind: options.kind, knowledgeDir: config.knowledgeDir, sourceName: options.file, force: options.force });
process.stdout.write(`Importing ${rows.length} row(s) of ${options.kind} from ${options.file} into ${displayPath(config.knowledgeDir)}${options.dryRun ? " (dry run)" : ""}\n`);
if (!options.dryRun) {
  for (const item of report.written) {
    await mkdir(path.dirname(item.file), { recursive: true });
    // "wx" refuses a file that appeared since the plan was made, unless --force said to overwrite.
    await writeFile(item.file, item.text, { flag: item.overwrites ? "w" : "wx" });
  }
}
printReport(report, options.dryRun);
process.exitCode = report.skipped.length + report.duplicates.length + report.existing.length > 0 ? 1 : 0;
