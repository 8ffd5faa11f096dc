// Why a page or file could not become an article, in one line an editor can act on.

/** An article could not be taken from a page or file; `message` is one short line for the editor. */
export class ExtractError extends Error {
  override name = 'ExtractError';
}
