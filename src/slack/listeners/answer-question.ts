// Answers one question for a listener and logs the outcome (ids and result; the text only at debug).
import type { Logger } from '../../logger.js';
import { answerMessage, type AnswerMessageOptions } from '../format/answer-message.js';
import type { SlackMessage } from '../format/slack-message.js';
import type { ListenerDeps } from './deps.js';

/** Runs the engine on `question` and renders the reply. */
export function answerQuestion(deps: ListenerDeps, question: string, log: Logger | undefined, options: AnswerMessageOptions = {}): SlackMessage {
  const started = performance.now();
  const answer = deps.engine.answer(question);
  log?.info(
    { answered: answer.answered, passage: answer.source?.passageId, reason: answer.reason, ms: +(performance.now() - started).toFixed(2) },
    answer.answered ? 'answered' : 'not in the briefing',
  );
  log?.debug({ question: answer.question, unmatched: answer.unmatchedWords }, 'question text');
  return answerMessage(answer, options);
}

/** Removes mentions of the bot (`<@UBOT>` or `<@UBOT|name>`) from message text. */
export function withoutMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'gu') : /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/u;
  return text.replace(mention, ' ').trim();
}
