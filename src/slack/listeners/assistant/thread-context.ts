// Where an assistant thread's context (the channel the user is viewing) is kept: the shared store, so every replica
// knows it, for a week (Bolt's default would rewrite the bot's first message in the thread for it).
import type { AssistantConfig } from '@slack/bolt';
import type { SharedStore } from '../../../store/index.js';

/** Where Bolt keeps an assistant thread's context. */
export type ThreadContextStore = NonNullable<AssistantConfig['threadContextStore']>;

/** How long a thread's context is kept. */
export const THREAD_CONTEXT_MS = 7 * 86_400_000;

type Payload = { assistant_thread?: { channel_id?: string; thread_ts?: string; context?: Record<string, unknown> }; channel?: string; thread_ts?: string };

/** The thread's context kept in `store`; a store that does not answer gives an empty context. */
export function storedThreadContext(store: SharedStore): ThreadContextStore {
  const keyOf = (payload: Payload): string => {
    const channel = payload.assistant_thread?.channel_id ?? payload.channel ?? '';
    const thread = payload.assistant_thread?.thread_ts ?? payload.thread_ts ?? '';
    return `assistant-context:${channel}:${thread}`;
  };
  return {
    async get(args) {
      const stored = await store.get(keyOf(args.payload as Payload)).catch(() => undefined);
      return stored ? (JSON.parse(stored) as Awaited<ReturnType<ThreadContextStore['get']>>) : {};
    },
    async save(args) {
      const payload = args.payload as Payload;
      const context = payload.assistant_thread?.context;
      if (context) await store.put(keyOf(payload), JSON.stringify(context), THREAD_CONTEXT_MS).catch(() => undefined);
    },
  };
}
