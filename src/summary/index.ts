// The summary module's public face: knowledge in, a concise extractive briefing out.
export { buildSummary, type SummaryOptions } from './build-summary.js';
export { pickLead } from './pick-lead.js';
export { summaryText } from './summary-text.js';
export type { KeyPoint, Summary } from './types.js';
