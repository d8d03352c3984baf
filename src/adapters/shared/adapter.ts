/**
 * Helpers every chat adapter shares: a connection kept behind the Adapter contract
 * (src/core/adapter.ts), stop-once, credential checks.
 */
import type { Adapter } from "../../core/adapter.js";
import type { Config } from "../../config.js";
import { ConfigError } from "../../config.js";

/** What an adapter's `connect` hands back: the way to take it down again. */
export interface Connection {
  stop(graceMs: number): Promise<void>;
}

/**
 * An Adapter around a platform connection: ready between a successful `connect()` and the
 * first `stop()`, which runs once and lets work in flight finish within its grace.
 */
export class ConnectionAdapter<C extends Connection> implements Adapter {
  #connection: C | undefined;
  #stopped = false;

  constructor(
    readonly name: string,
    private readonly connect: () => Promise<C>,
    private readonly defaultGraceMs: number,
  ) {}

  get connection(): C | undefined {
    return this.#connection;
  }

  get ready(): boolean {
    return this.#connection !== undefined && !this.#stopped;
  }

  async start(): Promise<void> {
    this.#connection = await this.connect();
  }

  readonly stop = stopOnce(async (graceMs = this.defaultGraceMs) => {
    this.#stopped = true;
    await this.#connection?.stop(graceMs);
  });
}

/** Starts `adapter` and hands it back, for one-line set-ups. */
export async function started<A extends Adapter>(adapter: A): Promise<A> {
  await adapter.start();
  return adapter;
}

/** Wraps a stop function so that it runs once; later calls share the first call's promise. */
export function stopOnce(stop: (graceMs?: number) => Promise<void>): (graceMs?: number) => Promise<void> {
  let stopping: Promise<void> | undefined;
  return (graceMs) => (stopping ??= stop(graceMs));
}

export type CredentialName = "SLACK_BOT_TOKEN" | "SLACK_SIGNING_SECRET" | "SLACK_APP_TOKEN" | "DISCORD_TOKEN" | "DISCORD_APPLICATION_ID";

/** The value of a credential the adapter cannot run without; a ConfigError naming it otherwise. */
export function requireSetting(config: Config, name: CredentialName, hint: string): string {
  const value = config[name];
  if (!value) throw new ConfigError(`Set ${name}: ${hint}`);
  return value;
}

export interface ChatPlatforms {
  slack: boolean;
  discord: boolean;
}

/**
 * Which chat platforms the credentials ask for. A platform with some of its credentials set
 * but not all is a mistake to name, not a reason to fall back to the REPL: a ConfigError
 * says which variable is missing.
 */
export function chatPlatforms(config: Config): ChatPlatforms {
  const slack = Boolean(config.SLACK_BOT_TOKEN || config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN);
  const discord = Boolean(config.DISCORD_TOKEN || config.DISCORD_APPLICATION_ID);
  const missing: CredentialName[] = [];
  if (slack && !config.SLACK_BOT_TOKEN) missing.push("SLACK_BOT_TOKEN");
  // HTTP mode checks signatures; Socket Mode (an app token) needs none.
  if (slack && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) missing.push("SLACK_SIGNING_SECRET");
  if (discord && !config.DISCORD_TOKEN) missing.push("DISCORD_TOKEN");
  if (missing.length > 0) {
    throw new ConfigError(`Set ${missing.join(" and ")}: some of ${slack && discord ? "Slack's and Discord's" : slack ? "Slack's" : "Discord's"} credentials are set but not these (see .env.example and the README).`);
  }
  return { slack, discord };
}
