/**
 * Discord's message limits, checked the way Discord would: every problem that would make
 * it refuse the message, as readable strings (an empty list means Discord accepts it).
 * Written from Discord's documentation, independently of the renderer's constants.
 */
import type { DiscordMessage } from "../../../src/adapters/discord/render.js";

export function discordProblems(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check((message.content ?? "").length <= 2000, "content over 2000");
  check(Boolean(message.content) || message.embeds.length > 0, "empty message");
  check(message.embeds.length <= 10, "more than 10 embeds");
  let total = 0;
  message.embeds.forEach((embed, index) => {
    const at = `embeds[${index}]`;
    check((embed.title ?? "").length <= 256, `${at}.title over 256`);
    check((embed.description ?? "").length <= 4096, `${at}.description over 4096`);
    check((embed.fields ?? []).length <= 25, `${at} has more than 25 fields`);
    check((embed.footer?.text ?? "").length <= 2048, `${at}.footer over 2048`);
    check(Boolean(embed.title || embed.description || embed.fields?.length || embed.footer?.text), `${at} is empty`);
    for (const field of embed.fields ?? []) {
      check(field.name.length > 0 && field.name.length <= 256, `${at} field name empty or over 256`);
      check(field.value.length > 0 && field.value.length <= 1024, `${at} field value empty or over 1024`);
      total += field.name.length + field.value.length;
    }
    total += (embed.title ?? "").length + (embed.description ?? "").length + (embed.footer?.text ?? "").length;
  });
  check(total <= 6000, `embeds total ${total} over 6000`);
  check(message.components.length <= 5, "more than 5 action rows");
  const ids = new Set<string>();
  for (const row of message.components) {
    check(row.components.length >= 1 && row.components.length <= 5, "an action row without 1 to 5 buttons");
    for (const button of row.components) {
      check((button.label ?? "").length <= 80, "button label over 80");
      check(button.custom_id.length <= 100, "custom_id over 100");
      check(!ids.has(button.custom_id), `duplicate custom_id ${button.custom_id}`);
      ids.add(button.custom_id);
    }
  }
  return problems;
}

/** Every piece of text a person sees in the message, for looking for live pings. */
export function shownTexts(message: DiscordMessage): string[] {
  return [
    message.content ?? "",
    ...message.embeds.flatMap((embed) => [
      embed.title ?? "",
      embed.description ?? "",
      embed.footer?.text ?? "",
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
    ...message.components.flatMap((row) => row.components.map((button) => button.label ?? "")),
  ];
}
