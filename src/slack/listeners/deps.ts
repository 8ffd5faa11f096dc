// What listeners need: the answer engine and the fixed replies, passed in (no module state).
import type { AnswerEngine } from '../../answers/index.js';
import type { Desk } from '../../desk/index.js';
import type { MeaningService } from '../../embeddings/index.js';
import type { AnswerTurn } from '../answer-turns.js';
import type { PostReply } from '../post-reply.js';
import type { ThreadContextStore } from './assistant/thread-context.js';
import type { GapLog, Votes } from '../../feedback/index.js';
import type { HomeView } from '../format/home-view.js';
import type { SlackMessage } from '../format/slack-message.js';

/** Replies that do not depend on a question. */
export interface FixedReplies {
  /** The briefing summary, as `/briefing` shows it and the daily post sends it. */
  summary(options?: { shareable?: boolean }): SlackMessage;
  help(): SlackMessage;
  greeting(): SlackMessage;
  /** The articles, newest first (`/briefing list`). */
  list(): SlackMessage;
  /** The Home tab. */
  home(): HomeView;
}

/** Dependencies of every listener factory. */
export interface ListenerDeps {
  engine: AnswerEngine;
  /** The team's embedding model: a question's vector is fetched (briefly) before the engine is asked (none: lexical). */
  meaning?: Pick<MeaningService, 'prepare'>;
  replies: FixedReplies;
  /** Posts an answer exactly once (a client without retries that looks before posting again). None: Bolt's `say`. */
  postReply?: PostReply;
  /** Where questions and gaps are recorded, for the editors' report (none: not recorded). */
  gaps?: GapLog;
  /** Readers' 👍 / 👎 on answers (none: the buttons do nothing). */
  votes?: Votes;
  /** Who may add and remove articles and see the gap report (`BRIEFING_EDITORS`); undefined: anyone. */
  editors?: readonly string[];
  /** The editors' desk: add and remove articles (none: the commands explain how to add files by hand). */
  desk?: Pick<Desk, 'addUrl' | 'addFile' | 'remove'>;
  /** Slack's assistant panel (none: not offered). */
  assistant?: AssistantDeps;
  /** Waits for a question's turn to be worked out (answers one per turn of the event loop). None: at once. */
  answerTurn?: AnswerTurn;
  /** How shared files are downloaded (the console reads them from disk). Default: the global fetch. */
  fetchFile?: typeof fetch;
}

/** What the panel needs besides the listeners' deps. */
export interface AssistantDeps {
  /** Where each thread's context (the channel the user is viewing) is kept. */
  threadContext: ThreadContextStore;
  /** True the first time a key is claimed (by any replica): the thread's title is set once. */
  once: (key: string) => Promise<boolean>;
  /** The daily post's channel and when it is made, to say so when the user is viewing that channel. */
  dailyPost?: { channel: string; when: string };
}
