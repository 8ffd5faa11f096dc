// Exactly one reply to a question. A `chat.postMessage` that times out or fails on the way back may have been posted
// all the same; retrying blindly (as the Web API client's own retries do) can leave two answers in the thread. So an
// answer is posted by a client that never retries by itself, carries metadata naming the message it answers
// (`reply_to`), and before each new attempt the thread (or the DM) is read for it: found, nothing is posted again.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { ANSWER_EVENT } from './thread-record.js';

/** How a reply is tried: attempts in all, and the wait before looking for an attempt that may have landed. */
export const REPLY_DEFAULTS = {
  attempts: 3,
  /** Waits before each look (Slack may still be finishing the post that timed out), doubled each time. */
  waitMs: 1_000,
};

/** What is being answered: the question's channel, its ts, and the thread the answer goes to (none: a DM's top level). */
export interface ReplyTarget {
  channel: string;
  questionTs: string;
  threadTs?: string;
}

/** A message to post, with answer metadata (`briefing_answer`). */
export type ReplyArguments = webApi.ChatPostMessageArguments & { metadata: { event_type: string; event_payload: Record<string, unknown> } };

/** Posts answers once. */
export type PostReply = (message: ReplyArguments, target: ReplyTarget, log?: Logger) => Promise<void>;

/** A poster over `client`, which must not retry by itself (`retryConfig: { retries: 0 }`). */
export function replyPoster(client: webApi.WebClient, defaults: Partial<typeof REPLY_DEFAULTS> = {}): PostReply {
  const { attempts, waitMs } = { ...REPLY_DEFAULTS, ...defaults };
  return async function postReply(message, target, log) {
    const args = { ...message, metadata: { ...message.metadata, event_payload: { ...message.metadata.event_payload, reply_to: target.questionTs } } } as ReplyArguments;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.chat.postMessage(args);
        return;
      } catch (error) {
        if (!mayHavePosted(error) || attempt >= attempts) throw error;
        log?.warn({ attempt, err: (error as Error).message }, 'the reply may not have been posted: looking for it before trying again');
        await new Promise((resolve) => setTimeout(resolve, waitMs * 2 ** (attempt - 1)));
        if (await alreadyPosted(client, target, log)) {
          log?.info({ attempt }, 'the reply had been posted: not posting it again');
          return;
        }
      }
    }
  };
}

// A request that failed on the way (no answer, a timeout, a reset) or a 5xx may have been posted; Slack's own "no"
// (ok: false, a 4xx, a rate limit) was not.
function mayHavePosted(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (code === 'slack_webapi_request_error') return true;
  if (code === 'slack_webapi_http_error') return ((error as { statusCode?: number }).statusCode ?? 0) >= 500;
  return false;
}

// The thread (or the DM since the question) read for an answer naming the question. A read that fails is taken as
// "not there": a second answer beats none.
async function alreadyPosted(client: webApi.WebClient, target: ReplyTarget, log?: Logger): Promise<boolean> {
  const names = (m: { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }): boolean =>
    m.metadata?.event_type === ANSWER_EVENT && m.metadata.event_payload?.reply_to === target.questionTs;
  try {
    const page = target.threadTs
      ? await client.conversations.replies({ channel: target.channel, ts: target.threadTs, oldest: target.questionTs, include_all_metadata: true, limit: 200 })
      : await client.conversations.history({ channel: target.channel, oldest: target.questionTs, include_all_metadata: true, limit: 50 });
    return (page.messages ?? []).some((m) => names(m as Parameters<typeof names>[0]));
  } catch (error) {
    log?.warn({ err: (error as Error).message }, 'could not read the conversation to look for the reply: posting it again');
    return false;
  }
}
