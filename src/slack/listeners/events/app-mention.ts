// An @-mention in a channel: the answer as a reply in the mention's thread (a greeting when there is no question); in
// a thread, a follow-up is read with the answers before it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { webApiMessages } from '../../format/web-api-message.js';
import { conversationAnswers, postAnswer } from '../answer-question.js';
import type { ListenerDeps } from '../deps.js';
import { mentionRemover } from '../without-mention.js';

/** Factory for the `app_mention` listener. */
export function appMention(deps: ListenerDeps) {
  const withoutMention = mentionRemover();
  const answerInConversation = conversationAnswers(deps);
  const forWebApi = webApiMessages();
  return async function onAppMention({ event, say, context, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> {
    if (event.bot_id || event.subtype) return;
    const question = withoutMention(event.text, context.botUserId);
    // In a DM the reply stays in the conversation; in a channel it goes to the mention's thread.
    const inDm = event.channel.startsWith('D');
    const threadTs = event.thread_ts ?? (inDm ? undefined : event.ts);
    const where = { ...(threadTs ? { thread_ts: threadTs } : {}) };
    if (!question) return void (await say({ ...forWebApi(deps.replies.greeting()), ...where }));
    const asked = { client, channel: event.channel, ts: event.ts, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}), ...(context.botId ? { botId: context.botId } : {}) };
    const { message, metadata } = await answerInConversation(question, asked, context.log);
    await postAnswer(deps, say, forWebApi(message), metadata, { channel: event.channel, questionTs: event.ts, ...(threadTs ? { threadTs } : {}) }, context.log);
  };
}
