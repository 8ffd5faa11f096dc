// The bot's scheduled posts: the daily summary (SUMMARY_CHANNEL) and the weekly gap report (GAPS_CHANNEL).
import type { App } from '@slack/bolt';
import type { Config } from '../config/index.js';
import type { GapLog, Votes } from '../feedback/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { LiveKnowledge } from '../live/index.js';
import type { Logger } from '../logger.js';
import { createScheduledPost, openPostState, type PostState, type ScheduledPost, type ScheduledPostOptions } from '../schedule/index.js';
import { findTaggedPost, gapsMessage, summaryMessage, type SlackMessage } from '../slack/index.js';
import type { SharedStore } from '../store/index.js';
import { fingerprint, type Summary } from '../summary/index.js';

/** The metadata event types the posts are tagged with, to be found again in the channel's history. */
export const POST_EVENT_TYPES = { summary: 'briefing_summary', gaps: 'briefing_gaps' } as const;

/** What the posts are made from. */
export interface ScheduledPostsDeps {
  config: Config;
  app: App;
  store: SharedStore;
  logger: Logger;
  live: LiveKnowledge;
  /** The summary of a version of the knowledge, marking what is new since `since` (the previous post's articles). */
  summaryOf: (knowledge: Knowledge, since?: readonly string[]) => Summary;
  gaps: GapLog;
  votes: Votes;
  /** The time now. Default: the system clock. */
  clock?: () => Date;
}

/** The posts the settings ask for (none without their channels); each starts with `start()`. */
export function scheduledPosts(deps: ScheduledPostsDeps): ScheduledPost[] {
  const { config, live, summaryOf, gaps, votes, logger, clock } = deps;
  // One record of posts for both: two copies of one file would each write over the other's records.
  const state = openPostState(config.stateDir, logger, clock);
  const posts: ScheduledPost[] = [];
  if (config.summary.channel) {
    posts.push(
      scheduledPost(deps, state, {
        channel: config.summary.channel,
        days: config.summary.days,
        kind: 'summary',
        label: 'daily summary',
        channelSetting: 'SUMMARY_CHANNEL',
        eventType: POST_EVENT_TYPES.summary,
        compose: (previous) => {
          const knowledge = live.knowledge();
          const summary = summaryOf(knowledge, previous?.articles);
          return { message: summaryMessage(summary), articles: knowledge.documents.map(fingerprint), unchanged: summary.unchanged === true };
        },
      }),
    );
  }
  // The weekly gap report (GAPS_CHANNEL, on GAPS_DAY at SUMMARY_TIME).
  if (config.gaps.channel) {
    posts.push(
      scheduledPost(deps, state, {
        channel: config.gaps.channel,
        days: [config.gaps.day],
        kind: 'gaps',
        label: 'weekly gap report',
        channelSetting: 'GAPS_CHANNEL',
        eventType: POST_EVENT_TYPES.gaps,
        compose: async () => {
          await votes.refresh(true).catch(() => undefined);
          const report = { ...(await gaps.report()), feedback: { disliked: votes.mostDisliked(), ...votes.totals() } };
          return { message: gapsMessage(report), articles: [], unchanged: false };
        },
      }),
    );
  }
  return posts;
}

// One post with the once-only machinery: the record in STATE_DIR, Slack's history (message metadata), and Redis'
// lock with several replicas. It posts through the app's Web API client in either mode.
function scheduledPost(
  { config, app, store, logger, clock }: ScheduledPostsDeps,
  state: PostState,
  post: Pick<ScheduledPostOptions<SlackMessage>, 'channel' | 'days' | 'compose' | 'kind' | 'label' | 'channelSetting' | 'eventType'>,
): ScheduledPost {
  return createScheduledPost({
    ...config.summary,
    ...post,
    state,
    logger,
    ...(clock ? { clock } : {}),
    post: async (to, m, tag) => {
      const result = await app.client.chat.postMessage({
        channel: to,
        ...m,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: tag.eventType, event_payload: { date: tag.date, channel: tag.channel } },
      });
      return result.ts ?? '';
    },
    findPosted: (to, tag) => findTaggedPost(app, to, tag),
    ...(store.kind === 'redis' ? { shared: store } : {}),
  });
}

/** "at 09:00 (Europe/London) on mon, fri": when the daily summary is posted, as the assistant panel says it. */
export function dailyPostTime(config: Config): string {
  const { time, timezone, days } = config.summary;
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const every = days.length === 7 ? 'every day' : `on ${days.map((d) => names[d]).join(', ')}`;
  return `at ${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')} (${timezone}) ${every}`;
}
