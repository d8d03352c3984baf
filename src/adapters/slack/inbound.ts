/**
 * What arrives from Slack, made safe to use at the edge: text fields that may be missing or
 * repeated, Slack's own escaping of &, < and >, event ids of any JSON type, response_urls
 * that must really be Slack's, and mentions written by bots.
 */

/** Where Slack's response_urls live. */
const SLACK_RESPONSE_ORIGIN = "https://hooks.slack.com";

const SLACK_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">" };

/** Slack sends a typed &, < and > as &amp;, &lt; and &gt;: undone once, so "&amp;lt;" stays "&lt;". */
export function unescapeSlack(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_entity, name: string) => SLACK_ENTITIES[name] ?? "");
}

/** A text field as a string: a repeated field gives its first value, a missing one "". */
export function textField(value: unknown): string {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === "string" ? first : "";
}

/** Event ids compared as strings, whatever JSON type they came in; none if absent or not a scalar. */
export function eventIdOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/**
 * True if answers may be posted to `url`: Slack's hooks host over https, or the origin of
 * SLACK_API_URL when it is set (a local stand-in for Slack, whose response_urls it also serves).
 */
export function isSlackResponseUrl(url: unknown, slackApiUrl: string | undefined): boolean {
  const parsed = typeof url === "string" ? URL.parse(url) : null;
  if (!parsed || parsed.username || parsed.password) return false;
  if (parsed.origin === SLACK_RESPONSE_ORIGIN) return true;
  return slackApiUrl !== undefined && parsed.origin === URL.parse(slackApiUrl)?.origin;
}

interface MentionAuthor {
  user?: string;
  bot_id?: string;
  subtype?: string;
}

/** A mention written by a bot (this one included): answering it could start two bots talking forever. */
export function isBotAuthored(event: MentionAuthor, botUserId: string | undefined): boolean {
  return Boolean(event.bot_id) || event.subtype === "bot_message" || (botUserId !== undefined && event.user === botUserId);
}
