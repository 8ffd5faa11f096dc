// The thread is the record of a conversation: each answer the bot posts carries, in its message metadata, the question
// as the bot read it and the passage it quoted; a follow-up reads them back from Slack (bounded), so nothing of the
// conversation is kept by the bot itself, and every replica sees the same thread.
import type { webApi } from '@slack/bolt';
import type { ThreadTurn } from '../answers/index.js';

/** The metadata event type of the bot's answers. */
export const ANSWER_EVENT = 'briefing_answer';

/** Most messages read back from a thread (Slack gives a thread's oldest first: a long thread is read whole up to this). */
export const THREAD_READ_LIMIT = 200;
/** Earlier answers a follow-up is read with (the latest). */
const TURNS_KEPT = 30;
/** Outside a thread, in a DM, only answers this recent make the conversation a follow-up belongs to. */
export const DM_CONVERSATION_MS = 30 * 60_000;

/** The metadata an answer is posted with. */
export function answerMetadata(turn: ThreadTurn): { event_type: string; event_payload: Record<string, string> } {
  return { event_type: ANSWER_EVENT, event_payload: { question: turn.question, ...(turn.quoted ? { passage: turn.quoted } : {}), ...(turn.docId ? { doc: turn.docId } : {}) } };
}

interface RecordedMessage {
  ts?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * The bot's own (`botId`) earlier answers in a thread (`threadTs`), or in a DM's last half hour when there is no
 * thread, earliest first, before the message `before`. A thread Slack will not let the bot read is an empty one.
 */
export async function readThread(client: webApi.WebClient, channel: string, threadTs: string | undefined, before: string, botId?: string): Promise<ThreadTurn[]> {
  const oldest = String(Math.max(Number(before) - DM_CONVERSATION_MS / 1_000, 0).toFixed(6));
  const result = threadTs
    ? await client.conversations.replies({ channel, ts: threadTs, limit: THREAD_READ_LIMIT, include_all_metadata: true, latest: before, inclusive: false })
    : await client.conversations.history({ channel, limit: 10, include_all_metadata: true, latest: before, oldest, inclusive: false });
  const ours = (m: RecordedMessage): boolean => Boolean(m.bot_id) && (!botId || m.bot_id === botId);
  const messages = ((result.messages ?? []) as RecordedMessage[]).filter((m) => ours(m) && m.metadata?.event_type === ANSWER_EVENT);
  // Replies come oldest first, history newest first: sorted by time either way.
  return messages
    .sort((a, b) => Number(a.ts ?? 0) - Number(b.ts ?? 0))
    .map((m) => {
      const payload = m.metadata?.event_payload ?? {};
      const text = (key: string): string | undefined => (typeof payload[key] === 'string' ? (payload[key] as string) : undefined);
      const [passage, doc] = [text('passage'), text('doc')];
      return { question: text('question') ?? '', ...(passage ? { quoted: passage } : {}), ...(doc ? { docId: doc } : {}) };
    })
    .filter((t) => t.question)
    .slice(-TURNS_KEPT);
}
