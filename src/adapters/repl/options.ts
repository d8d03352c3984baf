/** Flags shared by the REPL and one-shot CLI entry points. */
export interface OutputFlags {
  json: boolean;
  rest: string[];
}

export function parseFlags(argv: readonly string[]): OutputFlags {
  const rest = argv.filter((arg) => arg !== "--json");
  return { json: rest.length !== argv.length, rest };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}
