/**
 * What Attaché does with each kind of Slack input. Every handler is parse → router →
 * render: the slash command answers ephemerally with a Share button, mentions answer in a
 * thread, direct messages in the DM, buttons run a suggestion or share an answer.
 */
import type { App as BoltApp, BlockAction, ButtonAction, RespondArguments, RespondFn, webApi } from "@slack/bolt";
import type { App } from "../../app.js";
import { apology, newErrorId } from "../../core/errors.js";
import type { Origin } from "../../core/middleware.js";
import type { Reply } from "../../core/reply.js";
import { eventIdOf, isBotAuthored, isSlackResponseUrl, textField, unescapeSlack } from "./inbound.js";
import { ASK_ACTION_PREFIX, renderReply, SHARE_ACTION_ID } from "./render.js";

/** chat.postMessage errors that mean "the bot may not post here", though the interaction's response_url can. */
const CHANNEL_UNREACHABLE = new Set(["not_in_channel", "channel_not_found"]);

/** One message to answer, whatever kind of Slack input it came from. */
interface Incoming {
  /** For logs: command, suggestion, share, mention, direct message. */
  kind: string;
  text: string;
  user: string | undefined;
  team: string | undefined;
  /** A person is waiting on this (command, button): refusals are said, not just logged. */
  interactive: boolean;
  /** Slack's id for an event delivery (mentions, DMs), so a redelivery is answered once. */
  eventId?: string;
  /** The channel, DM or thread: follow-ups there refer to the last answer. */
  conversation: string | undefined;
  send(reply: Reply): Promise<unknown>;
  /** Says something short to this person only: an apology or a refusal. */
  tell(text: string): Promise<unknown>;
}

const tellVia =
  (respond: RespondFn) =>
  (text: string): Promise<unknown> =>
    respond({ response_type: "ephemeral", replace_original: false, text });

const tellIn =
  (client: webApi.WebClient, channel: string, user: string | undefined, threadTs?: string) =>
  (text: string): Promise<unknown> =>
    user ? client.chat.postEphemeral({ channel, user, text, thread_ts: threadTs }) : Promise.resolve();

/** An answer for one person, with a button to share it when there is something to share. */
function ephemeral(reply: Reply, message: string): RespondArguments {
  return { response_type: "ephemeral", replace_original: false, ...renderReply(reply, { shareMessage: reply.ok ? message : undefined }) };
}

function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/**
 * Removes the mention of this bot (its user id is in the event's authorizations), or, if that
 * is missing, a mention at the very start. Other mentions stay, as text to be escaped.
 */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  return text
    .trim()
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (mention, id: string, offset: number) =>
      (botUserId ? id === botUserId : offset === 0) ? " " : mention,
    )
    .trim();
}

export function registerHandlers(bolt: BoltApp, app: App): void {
  const { router, log, config } = app;

  /** Router (allowlist, limits, redelivery included), then send; a failure is logged with an id and apologised for. */
  async function answer(incoming: Incoming): Promise<void> {
    // Acks are already sent; let the event loop take other requests (and ack them) before
    // this answer's CPU work, so a burst is acked promptly rather than behind every answer.
    await new Promise((resolve) => setImmediate(resolve));
    // Chat users always have an id: the router rate-limits by it.
    const origin: Origin = {
      adapter: "slack",
      user: incoming.user ?? "unknown",
      workspace: incoming.team ?? "",
      interactive: incoming.interactive,
      ...(incoming.eventId ? { eventId: incoming.eventId } : {}),
      ...(incoming.conversation ? { conversation: incoming.conversation } : {}),
    };
    try {
      const reply = await router.handle(incoming.text, origin);
      if (!reply.silent) await incoming.send(reply);
    } catch (error) {
      const errorId = newErrorId();
      log.error({ err: error, errorId, kind: incoming.kind }, "slack handler failed");
      await incoming
        .tell(apology(errorId))
        .catch((apologyError: unknown) => log.warn({ err: apologyError, errorId }, "slack apology could not be sent"));
    }
  }

  /** Only Slack's own response_urls get answers: a signed request naming another host gets nothing posted there. */
  function mayRespondTo(url: unknown, kind: string): boolean {
    if (isSlackResponseUrl(url, config.SLACK_API_URL)) return true;
    log.warn({ kind, host: typeof url === "string" ? URL.parse(url)?.host : undefined }, "slack request whose response_url is not Slack's; not answered");
    return false;
  }

  // Anything that escapes our handlers (a malformed payload, say) is logged once, structured.
  bolt.error(async (error) => {
    log.error({ err: error, code: error.code }, "slack request failed");
  });

  bolt.command(config.SLACK_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    if (!mayRespondTo(command.response_url, "command")) return;
    const text = unescapeSlack(textField(command.text));
    await answer({
      kind: "command",
      text,
      user: command.user_id,
      team: command.team_id,
      interactive: true,
      conversation: command.channel_id,
      send: (reply) => respond(ephemeral(reply, text)),
      tell: tellVia(respond),
    });
  });

  bolt.action<BlockAction<ButtonAction>>(new RegExp(`^${ASK_ACTION_PREFIX}`), async ({ ack, action, body, respond }) => {
    await ack();
    if (!mayRespondTo(body.response_url, "suggestion")) return;
    // Button values are our own text, sent back as we wrote them: not escaped by Slack.
    const text = action.value ?? "";
    await answer({
      kind: "suggestion",
      text,
      user: body.user.id,
      team: body.team?.id ?? body.user.team_id,
      interactive: true,
      conversation: body.channel?.id,
      send: (reply) => respond(ephemeral(reply, text)),
      tell: tellVia(respond),
    });
  });

  bolt.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, async ({ ack, action, body, client, respond }) => {
    await ack();
    if (!mayRespondTo(body.response_url, "share")) return;
    await answer({
      kind: "share",
      text: action.value ?? "",
      user: body.user.id,
      team: body.team?.id ?? body.user.team_id,
      interactive: true,
      conversation: body.channel?.id,
      send: async (reply) => {
        const message = renderReply(reply, { sharedBy: body.user.id });
        try {
          await client.chat.postMessage({ channel: body.channel?.id ?? "", ...message });
        } catch (error) {
          if (!CHANNEL_UNREACHABLE.has(platformError(error) ?? "")) throw error;
          // Not a member (a channel it was never invited to, a DM between people): the response_url can still post there.
          await respond({ response_type: "in_channel", replace_original: false, ...message });
        }
        await respond({ delete_original: true });
      },
      tell: tellVia(respond),
    });
  });

  bolt.event("app_mention", async ({ event, body, client }) => {
    const botUserId = body.authorizations?.[0]?.user_id;
    if (isBotAuthored(event, botUserId)) {
      log.debug({ eventId: eventIdOf(body.event_id) }, "slack mention written by a bot; ignored");
      return;
    }
    const threadTs = event.thread_ts ?? event.ts;
    await answer({
      kind: "mention",
      // The mention is found in Slack's markup first; only then is the user's text unescaped.
      text: unescapeSlack(stripBotMention(textField(event.text), botUserId)),
      user: event.user,
      team: body.team_id,
      interactive: false,
      eventId: eventIdOf(body.event_id),
      conversation: `${event.channel}:${threadTs}`,
      send: (reply) => client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...renderReply(reply) }),
      tell: tellIn(client, event.channel, event.user, threadTs),
    });
  });

  bolt.event("message", async ({ event, body, client }) => {
    // Only what a person typed in a DM to the app: no edits, joins, or bot messages (ours included).
    if (event.channel_type !== "im" || event.subtype !== undefined || event.bot_id) return;
    await answer({
      kind: "direct message",
      text: unescapeSlack(textField(event.text)),
      user: event.user,
      team: body.team_id,
      interactive: false,
      eventId: eventIdOf(body.event_id),
      conversation: event.channel,
      send: (reply) => client.chat.postMessage({ channel: event.channel, ...renderReply(reply) }),
      tell: tellIn(client, event.channel, event.user),
    });
  });
}
