// A message as the Web API client posts it. The client form-encodes every call: it JSON-encodes a blocks array
// there, and once more (after walking it to redact tokens) for a debug line it builds even when debug is off.
// Slack receives the blocks as JSON text either way, so a reply that is sent again (a repeated question gets the
// same rendered message) is serialised once by the listener that sends it instead of twice per post.
import type { types } from '@slack/bolt';
import type { SlackMessage } from './slack-message.js';

/**
 * `message` with its blocks as the JSON text Slack receives, for `say()` and `chat.postMessage` (not for a
 * `response_url`, which takes a JSON body). Typed as blocks: the client sends a string value as it is.
 */
export function forWebApi(message: SlackMessage): SlackMessage {
  return { text: message.text, blocks: JSON.stringify(message.blocks) as unknown as types.KnownBlock[] };
}

/** {@link forWebApi} remembering what it serialised (per message object), for one listener's lifetime. */
export function webApiMessages(): (message: SlackMessage) => SlackMessage {
  const serialised = new WeakMap<SlackMessage, SlackMessage>();
  return function forWebApiOnce(message) {
    let posted = serialised.get(message);
    if (!posted) {
      posted = forWebApi(message);
      serialised.set(message, posted);
    }
    return posted;
  };
}
