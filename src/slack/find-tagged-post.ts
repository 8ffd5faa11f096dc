// Finds the bot's own daily post in a channel's recent history by its message metadata: Slack is the record of what
// was posted, whatever the bot remembers.
import type { App } from '@slack/bolt';
import type { PostTag } from '../schedule/index.js';

/** How far back the history is read: a local day in any time zone. */
const LOOKBACK_SECONDS = 36 * 3_600;
/** Slack errors that mean the history cannot be read here (the local record is used instead). */
const UNAVAILABLE = new Set(['missing_scope', 'not_in_channel', 'channel_not_found', 'not_allowed_token_type', 'no_permission']);

interface HistoryMessage {
  ts?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The ts of a post tagged `tag` in `channel`, none, or why the history cannot be read. */
export async function findTaggedPost(app: App, channel: string, tag: PostTag): Promise<{ ts?: string } | { unavailable: string }> {
  try {
    const oldest = String(Math.floor(Date.now() / 1000) - LOOKBACK_SECONDS);
    const result = await app.client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true });
    const messages = (result.messages ?? []) as HistoryMessage[];
    const found = messages.find(
      (m) => m.bot_id !== undefined && m.metadata?.event_type === tag.eventType && m.metadata.event_payload?.date === tag.date && m.metadata.event_payload.channel === tag.channel,
    );
    return found?.ts ? { ts: found.ts } : {};
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && UNAVAILABLE.has(code)) return { unavailable: code };
    throw error;
  }
}
