// A direct message to the bot: answered in the DM, like a mention. Edits, deletes, joins and bots are ignored.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { forWebApi } from '../../format/web-api-message.js';
import { answerQuestion, withoutMention } from '../answer-question.js';
import type { ListenerDeps } from '../deps.js';

/** Factory for the `message` listener (direct messages only). */
export function directMessage(deps: ListenerDeps) {
  return async function onDirectMessage({ event, say, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event && event.bot_id) return;
    const question = withoutMention(event.text ?? '', context.botUserId);
    const message = question ? answerQuestion(deps, question, context.log) : deps.replies.greeting();
    await say({ ...forWebApi(message), ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}) });
  };
}
