// Loads a knowledge folder (articles and aliases) and builds the answer engine over it.
import { loadAliases, loadKnowledge } from '../knowledge/index.js';
import { createAnswerEngine, type AnswerEngine, type AnswerEngineOptions } from './answer-engine.js';

/** Reads `dir` and returns a ready engine. Throws KnowledgeError on bad knowledge. */
export function openAnswerEngine(dir: string, options: Omit<AnswerEngineOptions, 'aliases'> = {}): AnswerEngine {
  return createAnswerEngine(loadKnowledge(dir), { ...options, aliases: loadAliases(dir) });
}
