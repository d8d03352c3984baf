/**
 * Every command, in the order help lists them. Explicit on purpose: no folder scan,
 * no load-order surprises; the registry rejects duplicate names and aliases.
 */
import type { CommandDefinition } from "../src/core/command.js";
import actor from "./actor.js";
import ask from "./ask.js";
import brief from "./brief.js";
import clarify from "./clarify.js";
import compare from "./compare.js";
import concept from "./concept.js";
import document from "./document.js";
import fact from "./fact.js";
import filter from "./filter.js";
import help from "./help.js";
import legitimacy from "./legitimacy.js";
import more from "./more.js";
import partnership from "./partnership.js";
import quote from "./quote.js";
import sdg from "./sdg.js";
import search from "./search.js";
import stakeholders from "./stakeholders.js";
import threats from "./threats.js";

export const commands: readonly CommandDefinition[] = [
  help,
  search,
  concept,
  partnership,
  actor,
  document,
  quote,
  brief,
  compare,
  legitimacy,
  stakeholders,
  threats,
  sdg,
  filter,
  fact,
  clarify,
  more,
  ask,
];
