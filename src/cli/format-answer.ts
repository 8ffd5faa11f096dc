// Renders an answer as terminal text: a readable block, or a single line for piped use.
import { suggestsQuestions, type Answer } from '../answers/index.js';

/** Several lines: the quote, its source, and what to ask next. */
export function formatAnswerBlock(answer: Answer): string {
  const lines: string[] = [];
  if (answer.answered && answer.source) {
    lines.push(`“${answer.answer}”`, `  — ${sourceLine(answer)}`);
  } else {
    lines.push(`${answer.answer} Nothing in the knowledge answers “${answer.question}”.`);
  }
  if (answer.suggestions.length > 0) {
    lines.push(answer.answered ? 'Related:' : suggestsQuestions(answer.suggestions) ? 'You could ask:' : 'Closest in the briefing:');
    for (const s of answer.suggestions) lines.push(`  • ${s.text} (${s.location})`);
  }
  return lines.join('\n');
}

/** One line: the quote and its source, or the no-answer sentence. */
export function formatAnswerLine(answer: Answer): string {
  if (!answer.answered || !answer.source) return `[not in the briefing] ${answer.answer}`;
  return `${answer.answer} — ${sourceLine(answer)}`;
}

function sourceLine({ source }: Answer): string {
  if (!source) return '';
  const where = source.question ? `${source.location}: “${source.question}”` : source.location;
  return [`${source.title} (${where})`, source.site].filter(Boolean).join(', ');
}
