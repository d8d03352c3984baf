/**
 * Configuration from the environment (and `.env`, via dotenv), parsed once by one zod
 * schema. Variable names are a contract: see DESIGN.md and `.env.example`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root, so `knowledge/` is found whatever the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", ...(import.meta.url.includes("/dist/") ? [".."] : []));

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = (name: string) =>
  optionalText.refine((value) => value === undefined || URL.canParse(value), `${name} must be a URL such as http://127.0.0.1:4000/api/`);

/** "T123, T456" → ["T123", "T456"]; unset or empty → undefined (everyone allowed). */
const idList = z
  .string()
  .optional()
  .transform((value) => {
    const ids = (value ?? "").split(",").map((id) => id.trim()).filter(Boolean);
    return ids.length > 0 ? ids : undefined;
  });

const REDIS_PROTOCOLS = ["redis:", "rediss:"];

/**
 * A whole number written in digits, from `min` to `max`; unset or blank means `fallback`.
 * Strict on purpose: Number() would read "0x50" as 80, "1e3" as 1000 and " " as 0.
 */
const wholeNumber = <F extends number | undefined>(name: string, fallback: F, min = 1, max = 1_000_000_000) =>
  z
    .string()
    .optional()
    .transform((raw, context): number | F => {
      const text = raw?.trim() ?? "";
      if (text === "") return fallback;
      const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (value >= min && value <= max) return value;
      context.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max}, in digits (got "${text}")` });
      return z.NEVER;
    });

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

export const ConfigSchema = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_COMMAND: z
    .string()
    .trim()
    .regex(/^\/[a-z0-9_-]{1,31}$/, "SLACK_COMMAND must look like /attache")
    .default("/attache"),
  SLACK_API_URL: optionalUrl("SLACK_API_URL"),
  // 0 asks the system for any free port (tests do).
  PORT: wholeNumber("PORT", 3000, 0, 65535),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: optionalUrl("DISCORD_API_URL"),
  DISCORD_GUILD_ID: optionalText,
  KNOWLEDGE_DIR: optionalText,
  KNOWLEDGE_CACHE_DIR: optionalText,
  SLACK_ALLOWED_TEAMS: idList,
  DISCORD_ALLOWED_GUILDS: idList,
  DISCORD_SHARDS: wholeNumber("DISCORD_SHARDS", 1),
  RATE_LIMIT_REQUESTS: wholeNumber("RATE_LIMIT_REQUESTS", 10),
  RATE_LIMIT_WINDOW_SECONDS: wholeNumber("RATE_LIMIT_WINDOW_SECONDS", 30),
  REDIS_URL: optionalText.refine(
    (value) => value === undefined || (URL.canParse(value) && REDIS_PROTOCOLS.includes(new URL(value).protocol)),
    "REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379",
  ),
  HEALTH_PORT: wholeNumber("HEALTH_PORT", undefined, 0, 65535),
  LOG_SALT: optionalText.refine((value) => value === undefined || value.length >= 16, "LOG_SALT must be at least 16 characters"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
});

/** `KNOWLEDGE_CACHE_DIR=off` turns the knowledge snapshot cache off. */
export const CACHE_OFF = "off";

export type Config = z.infer<typeof ConfigSchema> & {
  knowledgeDir: string;
  /** Where the knowledge snapshot cache lives; undefined when it is off. */
  knowledgeCacheDir?: string;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the given environment; errors name the variable to fix. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const knowledgeDir = path.resolve(parsed.data.KNOWLEDGE_DIR ?? path.join(PROJECT_ROOT, "knowledge"));
  const cache = parsed.data.KNOWLEDGE_CACHE_DIR ?? path.join(PROJECT_ROOT, ".cache", "knowledge");
  return { ...parsed.data, knowledgeDir, knowledgeCacheDir: cache === CACHE_OFF ? undefined : path.resolve(cache) };
}

let loaded = false;

/** Reads `.env` (if present, without overriding real variables) and parses the environment. */
export async function loadConfig(): Promise<Config> {
  if (!loaded) {
    const dotenv = await import("dotenv");
    dotenv.config({ path: path.join(PROJECT_ROOT, ".env"), quiet: true });
    loaded = true;
  }
  return parseConfig(process.env);
}
