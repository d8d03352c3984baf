/**
 * Slack's documented Block Kit limits, checked independently of the renderer's own
 * bookkeeping: a message this finds nothing wrong with is one Slack accepts.
 */
interface TextObject {
  type: string;
  text: string;
}

type Block = Record<string, unknown> & { type: string };

export interface SlackPayload {
  text: string;
  blocks: unknown[];
}

const SLACK = {
  blocks: 50,
  header: 150,
  text: 3000,
  fields: 10,
  field: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  actionValue: 2000,
  totalText: 12_000,
};

/** The only `<…>` tokens we emit: our "Shared by" mention and links to sources. */
const OUR_TOKENS = /<@U[A-Z0-9]+>|<https?:\/\/[^\s<>|]+\|link>/g;

export function allTexts(payload: SlackPayload): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const object = value as Record<string, unknown>;
      if ((object.type === "mrkdwn" || object.type === "plain_text") && typeof object.text === "string") texts.push(object.text);
      else Object.values(object).forEach(visit);
    }
  };
  visit(payload.blocks);
  return texts;
}

/** Everything that would make Slack refuse or mangle the message; empty when it is fine. */
export function slackProblems(payload: SlackPayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  const checkText = (where: string, object: TextObject | undefined, max: number) => {
    if (!object) return;
    check(object.text.trim().length > 0, `${where}: empty text`);
    check(object.text.length <= max, `${where}: ${object.text.length} > ${max} characters`);
  };
  const blocks = payload.blocks as Block[];
  check(payload.text.trim().length > 0, "fallback text is empty");
  check(blocks.length > 0 && blocks.length <= SLACK.blocks, `${blocks.length} blocks`);
  const actionIds: string[] = [];
  blocks.forEach((block, index) => {
    const where = `block ${index} (${block.type})`;
    switch (block.type) {
      case "header":
        checkText(where, block.text as TextObject, SLACK.header);
        break;
      case "section": {
        const fields = (block.fields as TextObject[] | undefined) ?? [];
        check(Boolean(block.text) || fields.length > 0, `${where}: neither text nor fields`);
        checkText(where, block.text as TextObject | undefined, SLACK.text);
        check(fields.length <= SLACK.fields, `${where}: ${fields.length} fields`);
        fields.forEach((field, n) => checkText(`${where} field ${n}`, field, SLACK.field));
        break;
      }
      case "context": {
        const elements = block.elements as TextObject[];
        check(elements.length > 0 && elements.length <= SLACK.contextElements, `${where}: ${elements.length} elements`);
        elements.forEach((element, n) => checkText(`${where} element ${n}`, element, SLACK.text));
        break;
      }
      case "actions": {
        const elements = block.elements as Array<{ text: TextObject; value: string; action_id: string }>;
        check(elements.length > 0 && elements.length <= SLACK.actionsElements, `${where}: ${elements.length} elements`);
        for (const element of elements) {
          checkText(`${where} button`, element.text, SLACK.buttonText);
          check(element.value.length <= SLACK.actionValue, `${where}: value of ${element.value.length} characters`);
          actionIds.push(element.action_id);
        }
        break;
      }
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  check(new Set(actionIds).size === actionIds.length, `duplicate action ids: ${actionIds.join(", ")}`);
  const total = allTexts(payload).reduce((sum, text) => sum + text.length, 0);
  check(total < SLACK.totalText, `${total} characters of block text`);
  for (const text of [payload.text, ...allTexts(payload)]) {
    const live = text.replace(OUR_TOKENS, "").match(/[<>]/);
    check(!live, `unescaped control character in: ${text.slice(0, 80)}`);
    check(!/&(?!amp;|lt;|gt;)/.test(text), `unescaped & in: ${text.slice(0, 80)}`);
  }
  return problems;
}
