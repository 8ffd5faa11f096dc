// Renders an answer as a Slack message: the quote, its source, suggestions, and optionally the Share button.
import { suggestionHeading, type Answer, type Suggestion } from '../../answers/index.js';
import type { types } from '@slack/bolt';
import { button, context, section } from './blocks.js';
import { bullets, escapeText, quoteLines } from './escape.js';
import { encodeShareValue, SHARE_ACTION_ID } from './share-value.js';
import { encodeFeedbackValue, FEEDBACK_ACTION_ID } from './feedback-value.js';
import { withinLimits, type SlackMessage } from './slack-message.js';

/** How an answer is presented. */
export interface AnswerMessageOptions {
  /** Repeat the question (others cannot see a slash command), with who asked when given. */
  echoQuestion?: boolean;
  askedBy?: string;
  /** Add the "Share in channel" button (ephemeral replies). */
  shareable?: boolean;
}

/** Where the answer came from, as one line: document, paragraph or FAQ entry, site. */
export function sourceText(answer: Answer): string {
  const { source } = answer;
  if (!source) return '';
  const entry = source.question ? `${source.location} (“${source.question}”)` : source.location;
  return [source.title, entry, source.site].filter(Boolean).join(' · ');
}

/** What the bot says when it does not answer: not sure (candidates follow), or not covered. */
export const NOT_SURE_LINE = "I'm not sure the briefing answers that, so I won't quote anything as the answer.";
export const NOT_COVERED_LINE = "I couldn't find that in the briefing, so I won't guess.";
/** The hint when nothing in the briefing comes close. */
export const HELP_HINT = 'Try `/briefing help` to see what the briefing covers.';

/**
 * The answer as Block Kit plus a plain-text fallback, within Slack's limits. Three outcomes look different: an answer
 * (the quote, its source, related passages, 👍/👎), not sure (the candidates, best first, each with where it is; none
 * quoted as the answer), and not covered (the closest passages when one holds a word of the question, else a hint).
 */
export function answerMessage(answer: Answer, options: AnswerMessageOptions = {}): SlackMessage {
  const blocks = [];
  const question = escapeText(answer.question);
  if (options.echoQuestion) {
    blocks.push(section(options.askedBy ? `<@${options.askedBy}> asked: *${question}*` : `You asked: *${question}*`));
  }
  let text: string;
  if (answer.answered) {
    blocks.push(section(quoteLines(escapeText(answer.answer))));
    blocks.push(context(`Source: ${escapeText(sourceText(answer))}`));
    text = `“${answer.answer}” (${sourceText(answer)})`;
  } else if (answer.reason === 'warming-up') {
    blocks.push(section(escapeText(answer.answer)));
    text = answer.answer;
  } else if (answer.outcome === 'not-sure') {
    blocks.push(section(NOT_SURE_LINE));
    text = `Not sure: the briefing may not answer “${answer.question}”.`;
  } else {
    blocks.push(section(NOT_COVERED_LINE));
    text = `Not in the briefing: I couldn't find an answer to “${answer.question}”.`;
  }
  if (answer.suggestions.length > 0) {
    const heading = suggestionHeading(answer);
    // Where each passage is; the article too when they come from more than one.
    const titled = new Set(answer.suggestions.map((s) => s.title)).size > 1;
    const where = (s: Suggestion): string => (titled ? `${s.location}, ${s.title}` : s.location);
    blocks.push(section(`*${heading}:*\n${bullets(answer.suggestions.map((s) => `${escapeText(s.text)} _(${escapeText(where(s))})_`))}`));
    if (!answer.answered) text += ` ${heading}: ${answer.suggestions.map((s) => `${s.text} (${where(s)})`).join(' / ')}`;
  } else if (!answer.answered && answer.reason !== 'warming-up') {
    blocks.push(context(HELP_HINT));
  }
  if (options.shareable) {
    blocks.push(button(SHARE_ACTION_ID, 'Share in channel', encodeShareValue({ kind: 'answer', question: answer.question })));
  }
  if (answer.answered) blocks.push(feedbackButtons(answer.question, answer.source?.passageId ?? null));
  return withinLimits({ text: escapeText(text), blocks });
}

/** Slack's native 👍 / 👎 under an answer (a context actions block with feedback buttons). */
export function feedbackButtons(question: string, passage: string | null): types.ContextActionsBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_ACTION_ID,
        positive_button: { text: { type: 'plain_text', text: '👍' }, accessibility_label: 'This answer helped', value: encodeFeedbackValue({ verdict: 'up', question, passage }) },
        negative_button: { text: { type: 'plain_text', text: '👎' }, accessibility_label: 'This answer did not help', value: encodeFeedbackValue({ verdict: 'down', question, passage }) },
      },
    ],
  };
}
