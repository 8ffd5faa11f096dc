// Renders an answer as terminal text: a readable block, a single line for piped use, or the decision's trace.
import { suggestionHeading, type Answer } from '../answers/index.js';

/** Several lines: the quote and its source, or what the bot is not sure of, then the passages it offers. */
export function formatAnswerBlock(answer: Answer): string {
  const lines: string[] = [];
  if (answer.answered && answer.source) {
    lines.push(`“${answer.answer}”`, `  — ${sourceLine(answer)}`);
  } else if (answer.outcome === 'not-sure') {
    lines.push(`${answer.answer} (confidence ${answer.confidence.toFixed(2)})`);
  } else {
    lines.push(`${answer.answer} Nothing in the knowledge answers “${answer.question}”.`);
  }
  if (answer.suggestions.length > 0) {
    lines.push(`${suggestionHeading(answer)}:`);
    for (const s of answer.suggestions) lines.push(`  • ${s.text} (${s.location}, ${s.title})`);
  }
  return lines.join('\n');
}

/** One line: the quote and its source, the candidates when not sure, or the no-answer sentence. */
export function formatAnswerLine(answer: Answer): string {
  if (answer.outcome === 'not-sure') return `[not sure] ${answer.suggestions.map((s) => `${s.location}: ${s.text}`).join(' | ')}`;
  if (!answer.answered || !answer.source) return `[not in the briefing] ${answer.answer}`;
  return `${answer.answer} — ${sourceLine(answer)}`;
}

/** The decision behind an answer: its outcome and confidence, and each feature's value × weight. */
export function formatTrace(answer: Answer): string {
  const lines = [`outcome: ${answer.outcome}, confidence ${answer.confidence.toFixed(3)}${answer.source ? ` (${answer.source.passageId})` : answer.suggestions[0] ? ` (best: ${answer.suggestions[0].passageId})` : ''}`];
  if (answer.trace.length === 0) return [...lines, '  no candidate passage'].join('\n');
  const logit = answer.trace.reduce((sum, t) => sum + t.value * t.weight, 0);
  lines.push(`  ${'feature'.padEnd(20)} ${'value'.padStart(7)} × ${'weight'.padStart(7)} = ${'part'.padStart(7)}`);
  for (const t of answer.trace) {
    lines.push(`  ${t.feature.padEnd(20)} ${t.value.toFixed(3).padStart(7)} × ${t.weight.toFixed(3).padStart(7)} = ${(t.value * t.weight).toFixed(3).padStart(7)}`);
  }
  const logistic = 1 / (1 + Math.exp(-logit));
  lines.push(`  ${'logit'.padEnd(20)} ${''.padStart(7)}   ${''.padStart(7)}   ${logit.toFixed(3).padStart(7)} → confidence ${logistic.toFixed(3)}`);
  if (answer.confidence < logistic - 1e-9) lines.push(`  capped at ${answer.confidence.toFixed(3)}: the passage does not state the kind of answer asked for`);
  return lines.join('\n');
}

function sourceLine({ source }: Answer): string {
  if (!source) return '';
  const where = source.question ? `${source.location}: “${source.question}”` : source.location;
  return [`${source.title} (${where})`, source.site].filter(Boolean).join(', ');
}
