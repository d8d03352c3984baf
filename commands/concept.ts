import { lookupCommand } from "../src/domain/answers.js";

export default lookupCommand({
  kind: "concept",
  aliases: ["idea", "define"],
  summary: "Explain one idea: definition, why it matters, examples and contrasts.",
  examples: ["concept multialignment", "concept input legitimacy", "concept seed not lead"],
});
