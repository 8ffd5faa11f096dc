// Scheduled posts: once a day (or week) at a local time, exactly once, with catch-up and retries.
export { createScheduledPost, type PostTag, type ScheduledPost, type ScheduledPostOptions } from './scheduled-post.js';
export { openPostState } from './post-state.js';
