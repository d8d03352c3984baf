/**
 * Every command, in the order help lists them. Explicit on purpose: no folder scan,
 * no load-order surprises; the registry rejects duplicate names and aliases.
 */
import type { CommandDefinition } from "../src/core/command.js";
import actor from "./actor.js";
import ask from "./ask.js";
import concept from "./concept.js";
import document from "./document.js";
import help from "./help.js";
import partnership from "./partnership.js";
import quote from "./quote.js";
import search from "./search.js";

export const commands: readonly CommandDefinition[] = [
  help,
  search,
  concept,
  partnership,
  actor,
  document,
  quote,
  ask,
];
