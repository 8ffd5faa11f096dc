// Scheduled posts: once a day (or week) at a local time, exactly once, with catch-up and retries.
export { createScheduledPost } from './scheduled-post.js';
export type { PostTag, ScheduledPost, ScheduledPostOptions } from './types.js';
export { openPostState, type PostState } from './post-state.js';
