// Registers every listener on the app: one per Slack surface.
import type { App, BlockAction, BlockButtonAction } from '@slack/bolt';
import { ASK_EDITORS_ACTION_ID, FEEDBACK_ACTION_ID } from '../format/feedback-value.js';
import { answerFeedback, askEditors } from './actions/answer-feedback.js';
import { SHARE_ACTION_ID } from '../format/share-value.js';
import { shareInChannel } from './actions/share-in-channel.js';
import { BRIEFING_COMMAND, briefingCommand } from './commands/briefing-command.js';
import type { ListenerDeps } from './deps.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { appMention } from './events/app-mention.js';
import { directMessage } from './events/direct-message.js';
import { briefingAssistant } from './assistant/briefing-assistant.js';

/** What the app registers; the manifest test checks `manifest.yml` declares exactly these. */
export const REGISTERED = {
  commands: [BRIEFING_COMMAND],
  events: ['app_mention', 'message', 'app_home_opened', 'assistant_thread_started', 'assistant_thread_context_changed'],
  actions: [SHARE_ACTION_ID, FEEDBACK_ACTION_ID, ASK_EDITORS_ACTION_ID],
} as const;

/** Wires the listeners to `app`. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  // First: the panel's messages (a DM's threads) are the assistant's; the rest goes on to the listeners below.
  if (deps.assistant) app.assistant(briefingAssistant(deps, deps.assistant));
  app.command(BRIEFING_COMMAND, briefingCommand(deps));
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SHARE_ACTION_ID }, shareInChannel(deps));
  app.action<BlockAction>({ type: 'block_actions', action_id: FEEDBACK_ACTION_ID }, answerFeedback(deps));
  app.action<BlockAction>({ type: 'block_actions', action_id: ASK_EDITORS_ACTION_ID }, askEditors(deps));
}
