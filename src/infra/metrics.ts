/**
 * What /metrics tells Prometheus: requests by adapter, command and outcome, answer latency,
 * rate-limit refusals, the knowledge served and its failed reloads, whether the shared
 * store is reachable, and Node's own process figures. One registry per app, so several
 * apps in one test process do not mix their counts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { RequestObservation } from "../core/router.js";
import type { Store } from "../core/store.js";
import type { KnowledgeStatus } from "../knowledge/live.js";

/** Seconds: chat answers take milliseconds; the top buckets catch a stalled store or host. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface MetricSources {
  knowledge: () => KnowledgeStatus;
  store: Store;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"adapter" | "command" | "outcome">;
  private readonly latency: Histogram<"adapter">;
  private readonly rateLimited: Counter<"adapter">;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: "attache_requests_total",
      help: "Requests answered, by adapter, command and outcome (answered, no_match, silenced, or the error code).",
      labelNames: ["adapter", "command", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: "attache_answer_duration_seconds",
      help: "Time from a message reaching the router to its reply, by adapter.",
      labelNames: ["adapter"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.rateLimited = new Counter({
      name: "attache_rate_limited_total",
      help: "Requests refused by the per-user rate limit (the first refusal said, later ones silent).",
      labelNames: ["adapter"],
      registers,
    });
    new Gauge({
      name: "attache_knowledge_entries",
      help: "Entries in the knowledge base being served.",
      registers,
      collect() {
        this.set(sources.knowledge().entries);
      },
    });
    let reloadFailuresSeen = 0;
    new Counter({
      name: "attache_knowledge_reload_failures_total",
      help: "Knowledge reloads rejected or failed since start (the last good set keeps serving).",
      registers,
      collect() {
        const failed = sources.knowledge().failedReloads;
        this.inc(failed - reloadFailuresSeen);
        reloadFailuresSeen = failed;
      },
    });
    new Gauge({
      name: "attache_store_connected",
      help: "1 while the store of shared state is reachable; 0 while this process falls back to its own memory.",
      labelNames: ["store"],
      registers,
      collect() {
        this.set({ store: sources.store.kind }, sources.store.connected ? 1 : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** The router's observer: counts and times every request. */
  readonly observe = ({ origin, reply, outcome, seconds }: RequestObservation): void => {
    this.requests.inc({ adapter: origin.adapter, command: reply.command, outcome });
    this.latency.observe({ adapter: origin.adapter }, seconds);
    if (reply.error?.code === "rate_limited") this.rateLimited.inc({ adapter: origin.adapter });
  };

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
