// Slack at the edge: the Bolt app, its listeners per surface, Block Kit rendering and the receivers.
export { SlackStartError } from './slack-start-error.js';
export type { ConsoleIO } from './receivers/console/console-receiver.js';
export { gapsMessage } from './format/gaps-message.js';
export { findTaggedPost } from './find-tagged-post.js';
export { storeGuard } from './middleware/dedupe-deliveries.js';
export { createSlackApp, type SlackAppOptions } from './create-app.js';
export { fixedReplies } from './fixed-replies.js';
export { summaryMessage } from './format/summary-message.js';
export { consoleTransport, slackTransport } from './receivers/transports.js';
export { storedThreadContext } from './listeners/assistant/thread-context.js';
export type { SlackMessage } from './format/slack-message.js';
