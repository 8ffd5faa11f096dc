// Scheduled posts: once a day (or week) at a local time, exactly once, with catch-up and retries.
export { createDailyPost, type DailyPost, type DailyPostOptions, POST_EVENT_TYPE, type PostTag } from './daily-post.js';
export { openPostState } from './post-state.js';
