// `/briefing add <link>` and `/briefing remove <name>`: the editors' desk from the command line. The command is
// acknowledged at once; the result follows privately through the command's response URL.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { addedMessage, deskUsageMessage, notAllowedMessage, readingMessage, removedMessage } from '../../format/desk-message.js';
import type { SlackMessage } from '../../format/slack-message.js';
import type { ListenerDeps } from '../deps.js';
import { refusal } from '../desk-refusal.js';

/** What a `/briefing` text asks of the desk, if anything: add a link, or remove an article. */
export function deskRequest(text: string): { verb: 'add' | 'remove'; argument: string } | undefined {
  const match = /^(add|remove|rm|retire)\b\s*(.*)$/isu.exec(text.trim());
  if (!match) return undefined;
  const verb = (match[1] ?? '').toLowerCase() === 'add' ? 'add' : 'remove';
  // Slack sends links as <https://…> or <https://…|label> when it escapes them.
  const argument = (match[2] ?? '').trim().replace(/^<([^|>]+)(?:\|[^>]*)?>$/u, '$1');
  // "add" opens a question as often as a request: it is the desk's only with a link (or nothing) after it.
  if (verb === 'add' && argument && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/iu.test(argument)) return undefined;
  return { verb, argument };
}

/** Runs a desk request for the command; `ack` is answered before any slow work. */
export async function runDeskCommand(
  deps: ListenerDeps,
  request: { verb: 'add' | 'remove'; argument: string },
  { command, ack, respond, context }: Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'ack' | 'respond' | 'context'>,
): Promise<void> {
  const reply = async (message: SlackMessage): Promise<void> => void (await respond({ response_type: 'ephemeral', ...message }));
  const allowed = !deps.editors || deps.editors.includes(command.user_id);
  if (!deps.desk || !allowed || !request.argument) {
    await ack();
    context.log?.info({ verb: request.verb, allowed, desk: Boolean(deps.desk) }, 'desk request refused');
    return reply(!allowed ? notAllowedMessage() : deskUsageMessage());
  }
  const desk = deps.desk;
  const editor = { user: command.user_id };
  if (request.verb === 'add') {
    await ack({ response_type: 'ephemeral', text: readingMessage(request.argument) });
    const message = await desk.addUrl(request.argument, editor).then(addedMessage, (error: unknown) => refusal(error, 'add that link'));
    return reply(message);
  }
  await ack();
  return reply(await desk.remove(request.argument, editor).then(removedMessage, (error: unknown) => refusal(error, 'remove that article')));
}
