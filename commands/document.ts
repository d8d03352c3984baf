import { lookupCommand } from "../src/domain/answers.js";

export default lookupCommand({
  kind: "document",
  aliases: ["doc"],
  summary: "An agreement, strategy, speech or article: date, issuer, key points.",
  examples: ["document agenda 2030", "doc nss 2022", "doc global digital compact"],
});
