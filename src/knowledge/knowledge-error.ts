// The one error type for bad knowledge: it names the file (and line) so an operator can fix it.

/** Thrown when the knowledge folder or a file in it cannot be used. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';

  constructor(
    message: string,
    /** The file at fault, when there is one. */
    readonly file?: string,
    /** The 1-based line at fault, when it helps. */
    readonly line?: number,
  ) {
    const where = file ? `${file}${line ? `:${line}` : ''}: ` : '';
    super(`knowledge: ${where}${message}`);
  }
}
