// `/briefing`, `/briefing help`, `/briefing list`, `/briefing gaps`, `/briefing <question>`: an ephemeral reply (with a
// Share button for the summary and answers); `/briefing add <link>` and `/briefing remove <name>` go to the desk.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from '../answer-question.js';
import type { ListenerDeps } from '../deps.js';
import { deskRequest, runDeskCommand } from './desk-command.js';
import { gapsMessage, notAnEditorMessage } from '../../format/gaps-message.js';

/** The slash command this listener answers. */
export const BRIEFING_COMMAND = '/briefing';

const HELP_WORDS = new Set(['help', '?', '-h', '--help', 'usage']);
const LIST_WORDS = new Set(['list', 'articles', 'ls']);
const GAPS_WORDS = new Set(['gaps', 'gap', 'report']);

/** Factory for the `/briefing` listener. */
export function briefingCommand(deps: ListenerDeps) {
  return async function onBriefingCommand({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const text = command.text.trim();
    const desk = deskRequest(text);
    if (desk) return runDeskCommand(deps, desk, { command, ack, respond, context });
    await ack();
    if (GAPS_WORDS.has(text.toLowerCase()) && deps.gaps) {
      const allowed = !deps.editors || deps.editors.includes(command.user_id);
      await deps.votes?.refresh(true).catch(() => undefined);
      const feedback = deps.votes ? { disliked: deps.votes.mostDisliked(), ...deps.votes.totals() } : undefined;
      const message = allowed ? gapsMessage({ ...(await deps.gaps.report()), ...(feedback ? { feedback } : {}) }) : notAnEditorMessage();
      context.log?.info({ allowed }, 'gap report');
      await respond({ response_type: 'ephemeral', ...message });
      return;
    }
    const asking = text !== '' && !HELP_WORDS.has(text.toLowerCase()) && !LIST_WORDS.has(text.toLowerCase());
    if (asking) await deps.meaning?.prepare(text);
    const message = !text
      ? deps.replies.summary({ shareable: true })
      : HELP_WORDS.has(text.toLowerCase())
        ? deps.replies.help()
        : LIST_WORDS.has(text.toLowerCase())
          ? deps.replies.list()
          : await answerQuestion(deps, text, context.log, { echoQuestion: true, shareable: true });
    await respond({ response_type: 'ephemeral', ...message });
  };
}
