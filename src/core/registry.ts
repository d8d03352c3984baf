/**
 * The command registry: built from the explicit list in commands/index.ts, it rejects
 * duplicate names or aliases at load, not at run time.
 */
import type { CommandDefinition } from "./command.js";

const COMMAND_WORD = /^[a-z][a-z0-9-]*$/;

export class Registry {
  private readonly byWord = new Map<string, CommandDefinition>();

  constructor(readonly commands: readonly CommandDefinition[]) {
    for (const command of commands) {
      for (const word of [command.name, ...command.aliases]) {
        if (!COMMAND_WORD.test(word)) throw new Error(`command word "${word}" of "${command.name}" must be lowercase letters, digits or hyphens`);
        const owner = this.byWord.get(word);
        if (owner) throw new Error(`command word "${word}" is claimed by both "${owner.name}" and "${command.name}"`);
        this.byWord.set(word, command);
      }
    }
  }

  /** The command a word names (name or alias), case-insensitively. */
  find(word: string): CommandDefinition | undefined {
    return this.byWord.get(word.toLowerCase());
  }

  get(name: string): CommandDefinition {
    const command = this.byWord.get(name);
    if (!command) throw new Error(`no command "${name}" is registered`);
    return command;
  }

  /** Commands shown in help, in list order. */
  get visible(): CommandDefinition[] {
    return this.commands.filter((command) => !command.hidden);
  }

  /** Every word that starts a command, for completion. */
  get words(): string[] {
    return [...this.byWord.keys()].filter((word) => !this.byWord.get(word)?.hidden);
  }
}
