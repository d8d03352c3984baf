/** The real Slack adapter over HTTP on 127.0.0.1, talking to a fake Slack, for tests. */
import { createApp, type App } from "../../../src/app.js";
import { started } from "../../../src/adapters/shared/adapter.js";
import { createSlackAdapter, type SlackAdapter, type SlackListenOptions } from "../../../src/adapters/slack/index.js";
import type { Router } from "../../../src/core/router.js";
import { recordingLogger, testConfig, type RecordingLogger } from "../../support/app.js";
import { SIGNING_SECRET, type Recorder } from "./fakes.js";

export interface RunningSlack {
  app: App;
  adapter: SlackAdapter;
  url: string;
  logger: RecordingLogger;
}

/** Starts the adapter with test credentials, answering through `api`; `router` swaps in another router. */
export async function startSlack(api: Recorder, env: Record<string, string> = {}, router?: (app: App) => Router, listen: SlackListenOptions = {}): Promise<RunningSlack> {
  const logger = recordingLogger();
  const config = testConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${api.url}/api/`,
    PORT: "0",
    RATE_LIMIT_REQUESTS: "1000",
    ...env,
  });
  const created = await createApp(config, logger.log);
  const app = router ? { ...created, router: router(created) } : created;
  const adapter = await started(createSlackAdapter(app, { host: "127.0.0.1", ...listen }));
  return { app, adapter, url: `http://127.0.0.1:${adapter.port}`, logger };
}
