// What an editor is told when the desk could not add or remove an article (a command, a shared file).
import { DeskError } from '../../desk/index.js';
import { deskRefusedMessage } from '../format/desk-message.js';
import type { SlackMessage } from '../format/slack-message.js';

/** The reply for a desk failure: its reason when it is the desk's; anything else is not ours to explain. */
export function refusal(error: unknown, what: string): SlackMessage {
  if (error instanceof DeskError) return deskRefusedMessage(what, error.message);
  throw error;
}
