// Fetching on a user's behalf, bounded and refused for private addresses.
export { isPrivateAddress } from './address-rule.js';
export { createSafeFetcher, FETCH_DEFAULTS, FetchRefused, type FetchLimits, type Fetched, type SafeFetcher } from './safe-fetch.js';
export { readAtMost, type BodyStream } from './read-at-most.js';
