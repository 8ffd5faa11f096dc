// The gap report as Block Kit: what the team asked that the briefing did not answer, most asked first.
import { gapReportText, type GapReport } from '../../feedback/index.js';
import { context, header, section } from './blocks.js';
import { bullets, escapeText } from './escape.js';
import { withinLimits, type SlackMessage } from './slack-message.js';

/** Most gaps listed. */
const MAX_GAPS = 15;

/** The report for editors. */
export function gapsMessage(report: GapReport): SlackMessage {
  const share = report.questions > 0 ? Math.round((100 * report.answered) / report.questions) : 0;
  const blocks = [
    header(`Gaps in the briefing, last ${report.days} days`),
    section(`*${report.questions}* question${report.questions === 1 ? '' : 's'} asked, *${share}%* answered.`),
    section(
      report.gaps.length > 0
        ? `*Most asked, not answered*\n${bullets(report.gaps.slice(0, MAX_GAPS).map((g) => `${escapeText(g.question)} (${g.count}×)`))}`
        : 'Every question was answered.',
    ),
    ...(report.feedback
      ? [
          section(
            `*Feedback:* ${report.feedback.up} 👍, ${report.feedback.down} 👎` +
              (report.feedback.disliked.length > 0
                ? `\n*Answers marked wrong*\n${bullets(report.feedback.disliked.slice(0, MAX_GAPS).map((d) => `\`${escapeText(d.passage)}\` for “${escapeText(d.question)}” (${d.down} 👎, ${d.up} 👍)`))}`
                : ''),
          ),
        ]
      : []),
    context('Questions that differ only in wording are counted together. Who asked or voted, and where, is never stored.'),
  ];
  return withinLimits({ text: escapeText(gapReportText(report, MAX_GAPS)), blocks });
}

/** The reply to someone who is not one of BRIEFING_EDITORS. */
export function notAnEditorMessage(): SlackMessage {
  const text = 'The gap report is for the briefing’s editors. Ask one of them if you would like to see it.';
  return { text, blocks: [section(text)] };
}
