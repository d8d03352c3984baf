import { lookupCommand } from "../src/domain/answers.js";

export default lookupCommand({
  kind: "actor",
  aliases: ["who", "person", "country"],
  summary: "A person or state: role, what they argued, and their quotes.",
  examples: ["actor jaishankar", "who hillary clinton", "actor india"],
});
