// Chooses the document that leads the summary: the configured one, else the newest.
import { KnowledgeError, newestFirst, type Knowledge, type KnowledgeDocument } from '../knowledge/index.js';

/**
 * The lead document: the one whose file name or id is `preferred` when given; otherwise the newest by its
 * `Date:` line, then by file modification time, then the last in file-name order.
 * @throws KnowledgeError when `preferred` names no document.
 */
export function pickLead(knowledge: Knowledge, preferred?: string): KnowledgeDocument {
  if (preferred) {
    const found = knowledge.documents.find((d) => d.file === preferred || d.id === preferred);
    if (!found) {
      throw new KnowledgeError(`no knowledge file named "${preferred}" to lead the summary (have: ${knowledge.documents.map((d) => d.file).join(', ')})`);
    }
    return found;
  }
  const [lead] = newestFirst(knowledge.documents);
  if (!lead) throw new KnowledgeError('there are no documents to summarise');
  return lead;
}
