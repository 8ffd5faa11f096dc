// `npm run ask -- [--json] [--explain] ["question"]`: asks the answer engine from a terminal or a script; --explain
// prints the decision behind each answer (every feature's value × weight), --json one JSON object per answer.
import { createInterface } from 'node:readline';
import { openAnswerEngine, type Answer } from '../answers/index.js';
import { loadCoreConfig } from '../config/index.js';
import { openLexicon } from '../lexicon/index.js';
import { createLogger } from '../logger.js';
import { runMain } from '../app/index.js';
import { formatAnswerBlock, formatAnswerLine, formatTrace } from './format-answer.js';

// `answered`, `answer`, `source.passageId` and `suggestions[].passageId` are the contract scripts rely on.
const toJson = (a: Answer, explain: boolean): string =>
  JSON.stringify({
    answered: a.answered,
    outcome: a.outcome,
    confidence: Math.round(a.confidence * 1000) / 1000,
    answer: a.answer,
    source: a.source ?? {},
    suggestions: a.suggestions,
    question: a.question,
    ...(explain ? { trace: a.trace } : {}),
  });

await runMain(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const explain = args.includes('--explain');
  const question = args.filter((a) => a !== '--json' && a !== '--explain').join(' ').trim();
  const show = (answer: Answer, line: boolean): string =>
    json ? toJson(answer, explain) : [line ? formatAnswerLine(answer) : formatAnswerBlock(answer), ...(explain ? [formatTrace(answer)] : [])].join('\n');
  const config = loadCoreConfig(process.env, { defaultLogLevel: 'warn' });
  const logger = createLogger({ level: config.logLevel });
  const started = performance.now();
  const engine = openAnswerEngine(config.knowledgeDir, { lexicon: openLexicon() });
  logger.info({ passages: engine.knowledge.passages.length, ms: Math.round(performance.now() - started) }, 'index built');

  if (question) {
    const answer = engine.answer(question);
    console.log(show(answer, false));
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const answer = engine.answer(line);
    console.log(show(answer, true));
  }
});
