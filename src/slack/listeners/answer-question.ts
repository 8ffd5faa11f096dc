// Answers one question for a listener and logs the outcome (ids and result; the text only at debug); in a
// conversation, a follow-up is read with the thread before it.
import type { SayFn, webApi } from '@slack/bolt';
import { answerInThread, kindOf, type Answer, type ThreadAnswer } from '../../answers/index.js';
import { answerMetadata, readThread } from '../thread-record.js';
import type { Logger } from '../../logger.js';
import { answerMessage, type AnswerMessageOptions } from '../format/answer-message.js';
import type { forWebApi } from '../format/web-api-message.js';
import type { SlackMessage } from '../format/slack-message.js';
import type { ListenerDeps } from './deps.js';

/** Runs the engine on `question` (in its turn) and renders the reply. */
export async function answerQuestion(deps: ListenerDeps, question: string, log: Logger | undefined, options: AnswerMessageOptions = {}): Promise<SlackMessage> {
  const started = performance.now();
  await deps.answerTurn?.();
  const answer = deps.engine.answer(question);
  recorded(deps, answer, started, log);
  return answerMessage(answer, options);
}

/**
 * Posts an answer in the conversation it was asked in (`threadTs`: in that thread), exactly once when the app has a
 * reply poster; `say` otherwise.
 */
export async function postAnswer(
  deps: ListenerDeps,
  say: SayFn,
  message: ReturnType<typeof forWebApi>,
  metadata: ReturnType<typeof answerMetadata>,
  target: { channel: string; questionTs: string; threadTs?: string },
  log: Logger | undefined,
): Promise<void> {
  const where = target.threadTs ? { thread_ts: target.threadTs } : {};
  if (!deps.postReply) return void (await say({ ...message, ...where, metadata } as Parameters<SayFn>[0]));
  await deps.postReply({ ...message, channel: target.channel, ...where, metadata } as Parameters<NonNullable<ListenerDeps['postReply']>>[0], target, log);
}

/** Where a question was asked in a conversation: its channel, its thread (if any), and its own ts. */
export interface Asked {
  client: webApi.WebClient;
  channel: string;
  threadTs?: string;
  ts: string;
  /** The bot's own bot id: only its answers make the thread's record. */
  botId?: string;
}

/**
 * Answers questions asked in a conversation, each read with the conversation before it when it only makes sense that
 * way ("why?", "and the costs?", "tell me more"): the reply, and the metadata it is posted with (the thread's record).
 * Made once per listener: the engine hands back the same Answer for a question asked again, and its reply is rendered
 * once for the listener's lifetime.
 */
export function conversationAnswers(deps: ListenerDeps): (question: string, asked: Asked, log: Logger | undefined) => Promise<{ message: SlackMessage; metadata: ReturnType<typeof answerMetadata> }> {
  const renderedOnce = new WeakMap<Answer, SlackMessage>();
  const render = (answer: Answer): SlackMessage => {
    const known = renderedOnce.get(answer);
    if (known) return known;
    const message = answerMessage(answer);
    renderedOnce.set(answer, message);
    return message;
  };
  return async function answerInConversation(question, asked, log) {
    const started = performance.now();
    await deps.meaning?.prepare(question);
    await deps.answerTurn?.();
    const alone = deps.engine.answer(question);
    let read: ThreadAnswer = { kind: 'standalone', question: alone.question, answer: alone };
    // The conversation is read only for a message that points back to it: a thread, or a DM (a channel's top level is
    // many conversations at once).
    const readable = asked.threadTs !== undefined || asked.channel.startsWith('D');
    if (readable && kindOf(question, alone, { question: '' }) !== 'standalone') {
      const turns = await readThread(asked.client, asked.channel, asked.threadTs, asked.ts, asked.botId).catch((error: unknown) => {
        log?.warn({ err: String(error) }, 'could not read the thread: the question is answered on its own');
        return [];
      });
      await deps.answerTurn?.();
      read = answerInThread(deps.engine, question, turns);
    }
    if (read.kind !== 'standalone') log?.info({ followUp: read.kind }, 'read with its thread');
    const { answer } = read;
    const passage = answer.outcome === 'answer' ? answer.source?.passageId : undefined;
    const doc = (answer.source?.passageId ?? answer.suggestions[0]?.passageId)?.split('#')[0];
    recorded(deps, answer, started, log);
    return { message: render(answer), metadata: answerMetadata({ question: read.question, ...(passage ? { quoted: passage } : {}), ...(doc ? { docId: doc } : {}) }) };
  };
}

// Logs the answer and records it for the gap report.
function recorded(deps: ListenerDeps, answer: Answer, started: number, log: Logger | undefined): void {
  log?.info(
    { answered: answer.answered, passage: answer.source?.passageId, reason: answer.reason, ...(answer.byMeaning ? { byMeaning: true } : {}), ms: Math.round((performance.now() - started) * 100) / 100 },
    answer.answered ? 'answered' : 'not in the briefing',
  );
  if (log?.isLevelEnabled('debug')) log.debug({ question: answer.question, unmatched: answer.unmatchedWords }, 'question text');
  // For the editors' gap report; a store that fails does not hold up the reply (a Redis outage is logged by the store
  // once, not here for every question).
  deps.gaps?.asked(answer, deps.engine.knowledge.contentHash ?? '').catch((error: unknown) => log?.debug({ err: String(error) }, 'could not record the question for the gap report'));
}
