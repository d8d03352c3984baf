/**
 * Hand-built Replies of each shape, for renderer tests that are about the shape rather
 * than the knowledge (cards with platform-specific content stay in their own test).
 */
import type { Length } from "../../src/core/length.js";
import { errorReply, reply } from "../../src/core/reply.js";
import type { Source } from "../../src/knowledge/schema.js";

/** A source whose URL has characters each platform must escape or encode. */
export const ESSAY: Source = {
  title: "How America Can Succeed in a Multialigned World",
  author: "Anne-Marie Slaughter",
  publisher: "Foreign Affairs",
  year: 2024,
  url: "https://www.foreignaffairs.com/united-states/multialigned-world?a=1&b=2",
  locator: "section 3",
};

export const searchList = reply("search", {
  title: "Results for “vaccine”",
  sections: [{ items: ["Gavi, the Vaccine Alliance (partnership): Buys vaccines.", "COVAX (partnership): Shared vaccines."] }],
  entries: [
    { id: "gavi", kind: "partnership", title: "Gavi, the Vaccine Alliance", score: 0.01 },
    { id: "covax", kind: "partnership", title: "COVAX", score: 0.2 },
  ],
});

export const miss = reply("concept", {
  title: "No match",
  sections: [{ text: "I couldn't find a concept called “multialighment”. Did you mean one of these?" }],
  suggestions: [
    { id: "multialignment", kind: "concept", title: "Multialignment" },
    { id: "multipartner-world", kind: "concept", title: "Multipartner world" },
  ],
});

export const failure = errorReply("search", { code: "missing_argument", message: "Usage: search <words>, for example: search vaccine alliance" });

/** The length that shows a reply whole, as "more" or "in full" asks. */
export const FULL: Length = { form: "full" };

/** A card as the cards module builds one: a lead, first-screen fields (one a digest), the rest behind More. */
export const shortCard = reply("partnership", {
  title: "Gavi, the Vaccine Alliance",
  lead: "A public–private partnership that buys vaccines for low-income countries. The essay's example of a coalition judged on results.",
  fields: [
    { label: "U.S. role", value: "Funder", firstScreen: "also" },
    { label: "Measurable goal", value: "500 million children vaccinated by 2030", firstScreen: "only" },
    { label: "Founded", value: "2000" },
  ],
  sections: [
    { heading: "Members by sector", items: ["Governments: donors & implementing countries", "Foundations: Gates Foundation"] },
    { heading: "Goals", items: ["Measurable: vaccinate 500 million children (target: 500 million children vaccinated, by 2030)"] },
  ],
  entries: [{ id: "gavi", kind: "partnership", title: "Gavi, the Vaccine Alliance" }],
  sources: [ESSAY],
  expand: "partnership gavi --full",
});
