// Slack's assistant panel: on a new thread, a greeting naming the newest article and suggested prompts the briefing
// answers; on a message, a status while answering, then the same reply as a mention (read with the thread before it),
// and the thread titled once from its first question. Files shared in the panel go to the desk like a DM's.
import { Assistant } from '@slack/bolt';
import { cutAtWord } from '../../../answers/index.js';
import { newestFirst, documentDate } from '../../../knowledge/index.js';
import { webApiMessages } from '../../format/web-api-message.js';
import { escapeText } from '../../format/escape.js';
import type { SharedFile } from '../../download-file.js';
import { conversationAnswers, postAnswer } from '../answer-question.js';
import type { AssistantDeps, ListenerDeps } from '../deps.js';
import { addSharedFiles } from '../events/shared-files.js';
import { mentionRemover } from '../without-mention.js';
import { suggestedPrompts } from './suggested-prompts.js';

/** The status shown while the bot answers. */
export const ANSWERING_STATUS = 'is reading the briefing…';
/** Longest thread title. */
const TITLE_LENGTH = 80;

/** Factory for the assistant (`app.assistant(...)`). */
export function briefingAssistant(deps: ListenerDeps, panel: AssistantDeps): Assistant {
  const withoutMention = mentionRemover();
  const answerInConversation = conversationAnswers(deps);
  const forWebApi = webApiMessages();
  const promptsFor = suggestedPrompts();
  return new Assistant({
    threadContextStore: panel.threadContext,
    threadStarted: async function onThreadStarted({ event, say, setSuggestedPrompts, saveThreadContext, context }) {
      const knowledge = deps.engine.knowledge;
      const newest = newestFirst(knowledge.documents)[0];
      const viewing = event.assistant_thread.context.channel_id;
      const lines = [
        `Hi! I brief you on the news and answer questions from it, quoting the articles.${newest ? ` The newest is *${escapeText(cutAtWord(newest.title, 200))}*${documentDate(newest) ? ` (${documentDate(newest)})` : ''}.` : ''}`,
        ...(panel.dailyPost && viewing === panel.dailyPost.channel ? [`The daily summary is posted in this channel (<#${viewing}>) ${panel.dailyPost.when}.`] : []),
        'Ask in your own words, or pick a question below.',
      ];
      // A greeting that could not be posted does not cost the thread its prompts.
      await say({ text: lines.join(' '), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }] }).catch((error: unknown) => context.log?.warn({ err: String(error) }, 'assistant greeting not posted'));
      if (viewing) await saveThreadContext().catch(() => undefined);
      const prompts = promptsFor(deps.engine);
      if (prompts.length > 0) await setSuggestedPrompts({ prompts, title: 'Try asking' });
      context.log?.info({ prompts: prompts.length }, 'assistant thread started');
    },
    userMessage: async function onUserMessage({ event, message, say, setStatus, setTitle, getThreadContext, client, context }) {
      if (!('user' in message) || ('bot_id' in message && message.bot_id) || message.user === context.botUserId) return;
      const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
      if (message.subtype === 'file_share' && message.files?.length) {
        const files = message.files as unknown as SharedFile[];
        return addSharedFiles(deps, { files, user: message.user, ...(threadTs ? { threadTs } : {}) }, { say, client, context });
      }
      if (!threadTs) return;
      // Any DM thread comes here, not only the panel's: the panel's own calls are made in the panel's threads only.
      const panelThread = Object.keys(await getThreadContext().catch(() => ({}))).length > 0;
      const question = withoutMention('text' in message ? message.text ?? '' : '', context.botUserId);
      if (!question) return void (await say(forWebApi(deps.replies.greeting())));
      if (panelThread) await setStatus(ANSWERING_STATUS).catch(() => undefined);
      try {
        const asked = { client, channel: event.channel, threadTs, ts: message.ts, ...(context.botId ? { botId: context.botId } : {}) };
        const { message: reply, metadata } = await answerInConversation(question, asked, context.log);
        await postAnswer(deps, say, forWebApi(reply), metadata, { channel: event.channel, questionTs: message.ts, threadTs }, context.log);
      } catch (error) {
        if (panelThread) await setStatus('').catch(() => undefined);
        throw error;
      }
      if (panelThread && (await panel.once(`assistant-title:${event.channel}:${threadTs}`))) await setTitle(titleOf(question)).catch(() => undefined);
    },
  });
}

// A thread's title from its first question: Slack's markup (links, mentions, escapes) as the words it shows, cut
// whole characters at a time.
function titleOf(question: string): string {
  const plain = question
    .replace(/<([^|>]+)\|([^>]+)>/gu, '$2')
    .replace(/<[^>]*>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ')
    .trim();
  const characters = [...plain];
  return characters.length > TITLE_LENGTH ? `${characters.slice(0, TITLE_LENGTH - 1).join('')}…` : plain;
}
