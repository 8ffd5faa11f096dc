// An @-mention in a channel: the answer as a reply in the mention's thread (a greeting when there is no question).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { forWebApi } from '../../format/web-api-message.js';
import { answerQuestion, withoutMention } from '../answer-question.js';
import type { ListenerDeps } from '../deps.js';

/** Factory for the `app_mention` listener. */
export function appMention(deps: ListenerDeps) {
  return async function onAppMention({ event, say, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> {
    if (event.bot_id || event.subtype) return;
    const question = withoutMention(event.text, context.botUserId);
    const message = question ? answerQuestion(deps, question, context.log) : deps.replies.greeting();
    // In a DM the reply stays in the conversation; in a channel it goes to the mention's thread.
    const inDm = event.channel.startsWith('D');
    const threadTs = event.thread_ts ?? (inDm ? undefined : event.ts);
    await say({ ...forWebApi(message), ...(threadTs ? { thread_ts: threadTs } : {}) });
  };
}
