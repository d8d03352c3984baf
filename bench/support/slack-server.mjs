// The compiled Slack adapter (dist/, after `npm run build`) over HTTP on 127.0.0.1, as the
// benchmark's server: prints {"port": n} once listening and stops on SIGTERM. Plain JavaScript
// so that it runs under node exactly as a deployment would, with no TypeScript loader.
import { started } from "../../dist/src/adapters/shared/adapter.js";
import { createSlackAdapter } from "../../dist/src/adapters/slack/index.js";
import { createApp } from "../../dist/src/app.js";
import { parseConfig } from "../../dist/src/config.js";
import { createLogger } from "../../dist/src/core/log.js";

const app = await createApp(parseConfig(process.env), createLogger(process.env.LOG_LEVEL ?? "warn"));
const slack = await started(createSlackAdapter(app, { host: "127.0.0.1" }));
process.stdout.write(`${JSON.stringify({ port: slack.port })}\n`);
const stop = () => void slack.stop().finally(() => process.exit(0));
process.once("SIGTERM", stop);
// The benchmark holds stdin open: if it dies, stop rather than linger.
process.stdin.resume().once("end", stop);
