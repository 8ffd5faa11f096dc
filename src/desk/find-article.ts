// Which article an editor means by a file name or some words of its title (`/briefing remove …`).
import type { KnowledgeDocument } from '../knowledge/index.js';
import { DeskError } from './desk-error.js';

/** The one document `query` names: its file name (with or without the extension), else the words of its title. @throws DeskError */
export function findArticle(documents: readonly KnowledgeDocument[], query: string): KnowledgeDocument {
  const wanted = query.trim().toLowerCase();
  if (!wanted) throw new DeskError('say which article: its file name or words of its title (`/briefing list` shows them)');
  const byName = documents.filter((d) => d.file.toLowerCase() === wanted || d.id.toLowerCase() === wanted);
  if (byName.length === 1) return byName[0] as KnowledgeDocument;
  const words = wanted.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const matches = documents.filter((d) => {
    const title = ` ${d.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return words.length > 0 && words.every((w) => title.includes(` ${w} `) || d.id.toLowerCase().includes(w));
  });
  if (matches.length === 1) return matches[0] as KnowledgeDocument;
  if (matches.length === 0) throw new DeskError(`no article in the briefing matches “${query.trim()}” (\`/briefing list\` shows them)`);
  const named = matches.slice(0, 5).map((d) => d.file).join(', ');
  throw new DeskError(`${matches.length} articles match “${query.trim()}” (${named}${matches.length > 5 ? ', …' : ''}): name one by its file name`);
}
