// The replies that do not depend on a question, built from the knowledge in service (again after it changes).
import type { Knowledge } from '../knowledge/index.js';
import type { Summary } from '../summary/index.js';
import { button } from './format/blocks.js';
import { greetingMessage, helpMessage } from './format/help-message.js';
import { homeView } from './format/home-view.js';
import { listMessage } from './format/list-message.js';
import { encodeShareValue, SHARE_ACTION_ID } from './format/share-value.js';
import { summaryMessage } from './format/summary-message.js';
import type { FixedReplies } from './listeners/deps.js';

/** Builds the fixed replies from the knowledge of the moment and its summary (each rendered once per knowledge); `editors` may add and remove articles (none: anyone). */
export function fixedReplies(knowledge: () => Knowledge, summary: () => Summary, editors?: readonly string[]): FixedReplies {
  const cache = new WeakMap<Knowledge, Map<string, unknown>>();
  const once = <T>(name: string, make: (k: Knowledge) => T): (() => T) => () => {
    const k = knowledge();
    const known = cache.get(k) ?? cache.set(k, new Map()).get(k) as Map<string, unknown>;
    if (!known.has(name)) known.set(name, make(k));
    return known.get(name) as T;
  };
  const summaryOf = once('summary', () => summaryMessage(summary()));
  return {
    summary: ({ shareable = false } = {}) => {
      const message = summaryOf();
      if (!shareable) return message;
      return { ...message, blocks: [...message.blocks, button(SHARE_ACTION_ID, 'Share in channel', encodeShareValue({ kind: 'summary' }))] };
    },
    help: once('help', helpMessage),
    greeting: once('greeting', greetingMessage),
    list: once('list', (k) => listMessage(k, editors)),
    home: () => homeView(knowledge(), summary()),
  };
}

