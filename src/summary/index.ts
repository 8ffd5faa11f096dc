// The summary module's public face: knowledge in, a concise extractive briefing out.
export { buildSummary, fingerprint, type SummaryOptions } from './build-summary.js';
export { pickLead } from './pick-lead.js';
export { alsoLines, summaryText } from './summary-text.js';
export { MAX_ALSO, type KeyPoint, type OtherArticle, type Summary } from './types.js';
