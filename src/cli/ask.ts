// `npm run ask -- [--json] ["question"]`: asks the answer engine from a terminal or a script.
import { createInterface } from 'node:readline';
import { openAnswerEngine, type Answer } from '../answers/index.js';
import { loadCoreConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { runMain } from '../run-main.js';
import { formatAnswerBlock, formatAnswerLine } from './format-answer.js';

const toJson = (a: Answer): string =>
  JSON.stringify({ answered: a.answered, answer: a.answer, source: a.source ?? {}, suggestions: a.suggestions, question: a.question });

await runMain(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const question = args.filter((a) => a !== '--json').join(' ').trim();
  const config = loadCoreConfig(process.env, { defaultLogLevel: 'warn' });
  const logger = createLogger({ level: config.logLevel });
  const started = performance.now();
  const engine = openAnswerEngine(config.knowledgeDir);
  logger.info({ passages: engine.knowledge.passages.length, ms: Math.round(performance.now() - started) }, 'index built');

  if (question) {
    const answer = engine.answer(question);
    console.log(json ? toJson(answer) : formatAnswerBlock(answer));
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const answer = engine.answer(line);
    console.log(json ? toJson(answer) : formatAnswerLine(answer));
  }
});
