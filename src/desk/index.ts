// The editors' desk: articles in from a link, a file or a feed; out by name or by age; shared across replicas.
export { Desk, type Added, type DeskChange, type DeskOptions, type Editor } from './desk.js';
export { DeskError } from './desk-error.js';
export { ARCHIVE_DIR } from './folder-files.js';
export { FEED_DEFAULTS, startFeedPoller, type FeedPoller, type FeedPollerOptions } from './feed-poller.js';
export { parseFeed, type FeedItem } from './parse-feed.js';
export { REPLICA_SYNC_MS, startReplicaSync, type ReplicaSync } from './replica-sync.js';
export { articleText, fileNameFor } from './article-file.js';
export { startDesk, type RunningDesk, type StartDeskOptions } from './start-desk.js';
