/**
 * `npm run kb:new -- <kind> "<Name>"`: writes a scaffold for a new entry into the knowledge
 * folder (KNOWLEDGE_DIR), every field of its kind commented, never over an existing file.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../config.js";
import { displayPath } from "./problems.js";
import { scaffoldEntry } from "./scaffold.js";
import { KIND_FOLDERS, KINDS, type Kind } from "./schema.js";

const USAGE = `Usage: npm run kb:new -- <${KINDS.join("|")}> "<Name>"
Example: npm run kb:new -- partnership "Global Alliance for Clean Cookstoves"`;

const [kind, ...words] = process.argv.slice(2);
const name = words.join(" ").trim();
if (!KINDS.includes(kind as Kind) || !name) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const { id, text } = scaffoldEntry(kind as Kind, name);
if (!id) {
  process.stderr.write(`"${name}" has no letters or digits to make an id from.\n`);
  process.exit(2);
}
const config = await loadConfig();
const file = path.join(config.knowledgeDir, KIND_FOLDERS[kind as Kind], `${id}.yaml`);
if (existsSync(file)) {
  process.stderr.write(`${displayPath(file)} already exists: edit it, or pick another name.\n`);
  process.exit(1);
}
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, text, { flag: "wx" });
process.stdout.write(`Wrote ${displayPath(file)}. Fill in the fields marked Required, then run npm run kb:check.\n`);
