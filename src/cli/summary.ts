// `npm run summary`: prints the briefing summary that /briefing and the daily post show.
import { loadKnowledge } from '../knowledge/index.js';
import { loadConfig } from '../config/index.js';
import { runMain } from '../app/index.js';
import { buildSummary, summaryText } from '../summary/index.js';

await runMain(() => {
  const config = loadConfig(process.env);
  const summary = buildSummary(loadKnowledge(config.knowledgeDir), config.summary.document ? { document: config.summary.document } : {});
  console.log(summaryText(summary));
});
