import { defineCommand, type CommandDefinition } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { reply, type Reply } from "../src/core/reply.js";

function commandHelp(command: CommandDefinition): Reply {
  const aliases = command.aliases.length > 0 ? [{ label: "Also", value: command.aliases.join(", ") }] : [];
  return reply("help", {
    title: `help: ${command.name}`,
    sections: [{ text: command.summary }, { heading: "Examples", items: [...command.examples] }],
    fields: [{ label: "Usage", value: command.usage }, ...aliases],
  });
}

/** Help comes only from the command definitions, so it cannot drift from the code. */
export default defineCommand({
  name: "help",
  aliases: ["h", "commands"],
  usage: "help [command]",
  summary: "List what I can do, or show one command's usage and examples.",
  examples: ["help", "help search", "help partnership"],
  argument: { name: "command", description: "A command to explain (optional)", required: false },
  handler: ({ args }, { commands }) => {
    if (args) {
      const word = args.toLowerCase().replace(/^[/!]/, "");
      const command = commands.find((candidate) => candidate.name === word || candidate.aliases.includes(word));
      if (!command) {
        throw new UserError("not_found", `There is no command “${args}”. Commands: ${commands.map((c) => c.name).join(", ")}.`);
      }
      return commandHelp(command);
    }
    return reply("help", {
      title: "Attaché: cited answers on international partnerships",
      lead: "I answer from a curated, cited knowledge base about partnerships (NATO, the Quad, Gavi, SEforALL…) and the ideas used to judge them. Ask in your own words, in English, French or Spanish:",
      sections: [
        {
          items: ["is gavi legit?", "who funds seforall", "talking points on the quad", "which partnerships include philanthropies", "¿qué es el multialineamiento?"],
          firstScreen: "also",
        },
        // The first screen shows how to ask and points to the list ("help" is not remembered for "more").
        { text: "Or start with a command: “help in full” lists them all.", firstScreen: "only" },
        { heading: "Or start with a command", items: commands.map((command) => `${command.usage}: ${command.summary}`) },
      ],
    });
  },
});
