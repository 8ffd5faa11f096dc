// A direct message to the bot: answered in the DM, like a mention; files shared in it go to the editors' desk.
// Edits, deletes, joins and bots (the bot itself included) are ignored.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { webApiMessages } from '../../format/web-api-message.js';
import { conversationAnswers, postAnswer } from '../answer-question.js';
import type { ListenerDeps } from '../deps.js';
import { mentionRemover } from '../without-mention.js';
import type { SharedFile } from '../../download-file.js';
import { addSharedFiles } from './shared-files.js';

/** Factory for the `message` listener (direct messages only). */
export function directMessage(deps: ListenerDeps) {
  const withoutMention = mentionRemover();
  const answerInConversation = conversationAnswers(deps);
  const forWebApi = webApiMessages();
  return async function onDirectMessage({ event, say, context, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> {
    if (event.channel_type !== 'im' || ('bot_id' in event && event.bot_id)) return;
    if (event.subtype === 'file_share' && event.user !== context.botUserId && event.files?.length) {
      const files = event.files as unknown as SharedFile[];
      return addSharedFiles(deps, { files, user: event.user, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) }, { say, client, context });
    }
    if (event.subtype !== undefined) return;
    const question = withoutMention(event.text ?? '', context.botUserId);
    const where = event.thread_ts ? { thread_ts: event.thread_ts } : {};
    if (!question) return void (await say({ ...forWebApi(deps.replies.greeting()), ...where }));
    const asked = { client, channel: event.channel, ts: event.ts, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}), ...(context.botId ? { botId: context.botId } : {}) };
    const { message, metadata } = await answerInConversation(question, asked, context.log);
    await postAnswer(deps, say, forWebApi(message), metadata, { channel: event.channel, questionTs: event.ts, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) }, context.log);
  };
}
