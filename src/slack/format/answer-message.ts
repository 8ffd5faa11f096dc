// Renders an answer as a Slack message: the quote, its source, suggestions, and optionally the Share button.
import { suggestsQuestions, type Answer } from '../../answers/index.js';
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

/** The answer as Block Kit plus a plain-text fallback, within Slack's limits. */
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
  } else {
    blocks.push(section("I couldn't find that in the briefing, so I won't guess."));
    text = `Not in the briefing: I couldn't find an answer to “${answer.question}”.`;
  }
  const suggestions = answer.suggestions.map((s) => s.text);
  if (suggestions.length > 0) {
    // Not answered: FAQ questions to ask instead, or the openings of the passages that hold most of the question.
    const title = answer.answered ? 'Related in the briefing:' : suggestsQuestions(answer.suggestions) ? 'You could ask:' : 'Closest in the briefing:';
    blocks.push(section(`*${title}*\n${bullets(suggestions.map(escapeText))}`));
    if (!answer.answered) text += ` ${title} ${suggestions.join(' / ')}`;
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
