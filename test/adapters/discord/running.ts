/** The real Discord adapter (a discord.js Client) logged in to the local fake of Discord, for tests. */
import { createApp, type App } from "../../../src/app.js";
import { started } from "../../../src/adapters/shared/adapter.js";
import { createDiscordAdapter } from "../../../src/adapters/discord/index.js";
import { recordingLogger, testConfig } from "../../support/app.js";
import type { FakeDiscord } from "./fake-discord.js";

export interface BotOptions {
  customise?: (app: App) => App;
  deferAfterMs?: number;
  rateLimit?: number;
  /** More settings, e.g. DISCORD_ALLOWED_GUILDS. */
  env?: Record<string, string>;
}

export async function startBot(fake: FakeDiscord, options: BotOptions = {}) {
  const { customise = (app: App) => app, deferAfterMs, rateLimit = 1000, env = {} } = options;
  const logger = recordingLogger("info");
  const config = testConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, RATE_LIMIT_REQUESTS: String(rateLimit), ...env });
  const app = customise(await createApp(config, logger.log));
  const adapter = await started(createDiscordAdapter(app, deferAfterMs === undefined ? {} : { deferAfterMs }));
  return { adapter, logger };
}
