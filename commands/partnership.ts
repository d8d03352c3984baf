import { lookupCommand } from "../src/domain/answers.js";

export default lookupCommand({
  kind: "partnership",
  aliases: ["org", "alliance"],
  summary: "One partnership: members by sector, goals (measurable or not), results, threats, SDGs, U.S. role.",
  examples: ["partnership gavi", "org SE4All", "partnership finance in common"],
});
