// Answers one question for a listener and logs the outcome (ids and result; the text only at debug).
import type { Answer } from '../../answers/index.js';
import type { Logger } from '../../logger.js';
import { answerMessage, type AnswerMessageOptions } from '../format/answer-message.js';
import type { SlackMessage } from '../format/slack-message.js';
import type { ListenerDeps } from './deps.js';

// The engine hands back the same Answer for a question asked again; its plain reply is rendered once.
const rendered = new WeakMap<Answer, SlackMessage>();

/** Runs the engine on `question` and renders the reply. */
export function answerQuestion(deps: ListenerDeps, question: string, log: Logger | undefined, options: AnswerMessageOptions = {}): SlackMessage {
  const started = performance.now();
  const answer = deps.engine.answer(question);
  log?.info(
    { answered: answer.answered, passage: answer.source?.passageId, reason: answer.reason, ms: Math.round((performance.now() - started) * 100) / 100 },
    answer.answered ? 'answered' : 'not in the briefing',
  );
  if (log?.isLevelEnabled('debug')) log.debug({ question: answer.question, unmatched: answer.unmatchedWords }, 'question text');
  // For the editors' gap report; a store that fails does not hold up the reply (a Redis outage is logged by the store
  // once, not here for every question).
  deps.gaps?.asked(answer, deps.engine.knowledge.contentHash ?? '').catch((error: unknown) => log?.debug({ err: String(error) }, 'could not record the question for the gap report'));
  if (Object.keys(options).length > 0) return answerMessage(answer, options);
  const known = rendered.get(answer);
  if (known) return known;
  const message = answerMessage(answer);
  rendered.set(answer, message);
  return message;
}

const mentionPatterns = new Map<string, RegExp>();

/** Removes mentions of the bot (`<@UBOT>` or `<@UBOT|name>`) from message text. */
export function withoutMention(text: string, botUserId: string | undefined): string {
  let mention = /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/u;
  if (botUserId) {
    mention = mentionPatterns.get(botUserId) ?? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'gu');
    mentionPatterns.set(botUserId, mention);
  }
  return text.replace(mention, ' ').trim();
}
