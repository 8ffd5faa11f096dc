// The "Share in channel" button: posts the same reply visibly in the channel, noting who shared it.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { context as contextBlock } from '../../format/blocks.js';
import { decodeShareValue } from '../../format/share-value.js';
import type { SlackMessage } from '../../format/slack-message.js';
import { answerQuestion } from '../answer-question.js';
import type { ListenerDeps } from '../deps.js';

/** Slack errors that mean the bot cannot post in this channel; the user is told how to fix it. */
const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** Factory for the Share button listener. */
export function shareInChannel(deps: ListenerDeps) {
  return async function onShareInChannel({ ack, body, action, client, respond, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const value = decodeShareValue(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    if (!value || !channel) return;
    const user = body.user.id;
    // The answer shared is the one the person saw: with the model's vector when it gave one.
    if (value.kind !== 'summary') await deps.meaning?.prepare(value.question);
    const message: SlackMessage =
      value.kind === 'summary'
        ? withSharer(deps.replies.summary(), user)
        : await answerQuestion(deps, value.question, context.log, { echoQuestion: true, askedBy: user });
    try {
      await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (!code || !NOT_POSTABLE.has(code)) throw error;
      context.log?.warn({ slackError: code }, 'cannot share in this channel');
      await respond({ response_type: 'ephemeral', replace_original: false, text: "I can't post in this channel. Invite me first (`/invite @briefing-bot`), then press Share again." });
      return;
    }
    await respond({ delete_original: true });
  };
}

function withSharer(message: SlackMessage, user: string): SlackMessage {
  return { ...message, blocks: [...message.blocks, contextBlock(`Shared by <@${user}>`)] };
}
