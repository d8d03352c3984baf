/** Hostile text for fuzzing: injections, odd Unicode, huge strings, and real queries among them. */
import fc from "fast-check";

export const injections = [
  "<!channel>", "<!here>", "<!everyone>", "@everyone", "@here", "<@U123ABC>", "<@&987654321>", "<#C024BE91L>",
  "<http://evil.example|click me>", "**bold**", "`code`", "```block```", "> quote", "# heading", "||spoiler||",
  "\u202Eevil", "\u200B", "\u0000", "\r\n", "&amp;", "&lt;", "&lt;!channel&gt;", "&amp;lt;!here&amp;gt;", "%s%n", "${process.exit()}", "'; DROP TABLE --",
];
export const commandWords = ["help", "search", "concept", "partnership", "org", "actor", "who", "document", "doc", "quote",
  "compare", "legitimacy", "threats", "sdg", "stakeholders", "brief", "what is", "is", "tell me about"];

export const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.constantFrom(...injections), { maxLength: 8 }).map((parts) => parts.join(" ")),
  fc.tuple(fc.constantFrom(...injections), fc.string({ maxLength: 40 })).map(([a, b]) => `${b}${a}${b}`),
  fc.string({ unit: "grapheme-ascii", minLength: 900, maxLength: 6000 }),
  fc.constantFrom("gavi", "nato", "multialignment", "sdg 7", "compare seforall vs finance in common"),
);
