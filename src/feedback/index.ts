// What readers tell the bot: the questions it could not answer (gap log) and their votes on answers.
export { GapLog, type GapReport, gapReportText } from './gap-log.js';
export { Votes } from './votes.js';
